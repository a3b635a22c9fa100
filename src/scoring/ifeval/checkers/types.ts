// The contract every IFEval checker follows: the official `check_following(value)` of
// instruction_following_eval/instructions.py, with the instruction's kwargs passed in.
export type Kwargs = Record<string, unknown>;

/** How a kwarg must look in input_data.jsonl; validated at load time so scoring never throws. */
export type ArgKind = 'int' | 'string' | 'strings' | 'relation';

export interface Checker {
  /** Required kwargs and their kinds. */
  args: Record<string, ArgKind>;
  /** True when `response` follows the instruction (the official check, on one response variant). */
  check(response: string, kwargs: Kwargs): boolean;
}

export const RELATIONS = ['less than', 'at least'] as const;

/** The official comparison: 'less than' → n < threshold; 'at least' → n >= threshold. */
export function compare(n: number, relation: unknown, threshold: unknown): boolean {
  return relation === 'less than' ? n < Number(threshold) : n >= Number(threshold);
}

export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v));
