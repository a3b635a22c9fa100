// Typed reads of a JSON request body. Every HTTP body is `unknown` until checked (DESIGN.md §7);
// each problem is a 400 naming the field, and fields the server does not know are refused rather
// than silently ignored (a client would believe they had an effect).
import { invalidField } from './api-error.ts';

export class BodyFields {
  private readonly body: Record<string, unknown>;
  private readonly prefix: string;

  constructor(value: unknown, prefix = '') {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidField(prefix === '' ? 'body' : prefix.slice(0, -1), 'must be a JSON object');
    this.body = value as Record<string, unknown>;
    this.prefix = prefix;
  }

  /** Refuse any field not listed. */
  only(allowed: readonly string[]): this {
    for (const key of Object.keys(this.body)) {
      if (!allowed.includes(key)) throw invalidField(this.name(key), `unknown field (this server accepts ${allowed.join(', ')})`);
    }
    return this;
  }

  has(key: string): boolean {
    return this.body[key] !== undefined && this.body[key] !== null;
  }

  raw(key: string): unknown {
    return this.body[key];
  }

  name(key: string): string {
    return `${this.prefix}${key}`;
  }

  requiredString(key: string): string {
    const value = this.body[key];
    if (value === undefined || value === null) throw invalidField(this.name(key), 'is required');
    if (typeof value !== 'string') throw invalidField(this.name(key), `must be a string, got ${describe(value)}`);
    return value;
  }

  optionalString(key: string): string | undefined {
    return this.has(key) ? this.requiredString(key) : undefined;
  }

  optionalBoolean(key: string): boolean | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'boolean') throw invalidField(this.name(key), `must be true or false, got ${describe(value)}`);
    return value;
  }

  optionalNumber(key: string, range: { min: number; max: number; integer?: boolean }): number | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) throw invalidField(this.name(key), `must be a number, got ${describe(value)}`);
    if (range.integer === true && !Number.isInteger(value)) throw invalidField(this.name(key), `must be an integer, got ${value}`);
    if (value < range.min || value > range.max) throw invalidField(this.name(key), `must be between ${range.min} and ${range.max}, got ${value}`);
    return value;
  }

  /** OpenAI's `stop`: a string or a list of strings. */
  optionalStringOrList(key: string): string[] | undefined {
    const value = this.body[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value === 'string') return [value];
    if (Array.isArray(value) && value.every((v): v is string => typeof v === 'string')) return value;
    throw invalidField(this.name(key), `must be a string or a list of strings, got ${describe(value)}`);
  }

  optionalObject(key: string): BodyFields | undefined {
    return this.has(key) ? new BodyFields(this.body[key], `${this.name(key)}.`) : undefined;
  }
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`.slice(0, 60);
}
