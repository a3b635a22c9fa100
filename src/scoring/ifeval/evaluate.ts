// Strict and loose evaluation of one response (official evaluation_lib.py).
import { CHECKERS, type Checker, type Kwargs } from './checkers/index.ts';

export interface Instruction {
  id: string;
  kwargs: Kwargs;
}

/**
 * The loose variants: the response, with `*` removed, and each of these with the first line,
 * the last line, or both removed (8 in all; an instruction counts if any variant passes).
 */
export function looseVariants(response: string): string[] {
  const lines = response.split('\n');
  const first = lines.slice(1).join('\n').trim();
  const last = lines.slice(0, -1).join('\n').trim();
  const both = lines.slice(1, -1).join('\n').trim();
  const noStar = (s: string): string => s.replaceAll('*', '');
  return [response, noStar(response), first, last, both, noStar(first), noStar(last), noStar(both)];
}

/**
 * One bool per instruction; a blank response follows nothing (as officially). `checkers` replaces
 * the registry, for benchmarks that change some checkers (Multi-IF's language-aware counts).
 */
export function followed(response: string, instructions: Instruction[], loose: boolean, checkers: Readonly<Record<string, Checker>> = CHECKERS): boolean[] {
  const variants = loose ? looseVariants(response) : [response];
  return instructions.map(({ id, kwargs }) => {
    const checker = checkers[id];
    if (checker === undefined) return false;
    return variants.some((v) => v.trim() !== '' && checker.check(v, kwargs));
  });
}
