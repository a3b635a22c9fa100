// combination:* — two responses, repeat the prompt first.
import type { Checker } from './types.ts';
import { str } from './types.ts';

/** Exactly two non-blank, different responses separated by "******" (blank only at the ends). */
export const twoResponses: Checker = {
  args: {},
  check(r) {
    const pieces = r.split('******');
    const valid: string[] = [];
    for (let i = 0; i < pieces.length; i++) {
      const p = pieces[i] ?? '';
      if (p.trim() === '') {
        if (i !== 0 && i !== pieces.length - 1) return false;
      } else valid.push(p);
    }
    return valid.length === 2 && valid[0]?.trim() !== valid[1]?.trim();
  },
};

/** The response starts with the request, case-insensitive, surrounding whitespace ignored. */
export const repeatPrompt: Checker = {
  args: { prompt_to_repeat: 'string' },
  check: (r, kw) => r.trim().toLowerCase().startsWith(str(kw['prompt_to_repeat']).trim().toLowerCase()),
};
