// detectable_content:* — placeholders and postscripts.
import type { Checker } from './types.ts';
import { num, str } from './types.ts';

/** Square-bracket placeholders `[...]` (shortest match, one line), at least the requested number. */
export const numberPlaceholders: Checker = {
  args: { num_placeholders: 'int' },
  check: (r, kw) => (r.match(/\[.*?\]/g) ?? []).length >= num(kw['num_placeholders']),
};

/**
 * A line containing the postscript marker, case-insensitive: "P.S." allows "p. s.", "P.P.S"
 * allows "p. p. s"; any other marker is matched as a (lowercased) regex, as officially.
 */
export const postscript: Checker = {
  args: { postscript_marker: 'string' },
  check(r, kw) {
    const marker = str(kw['postscript_marker']).trim();
    const value = r.toLowerCase();
    let pattern: RegExp;
    if (marker === 'P.P.S') pattern = /\s*p\.\s?p\.\s?s.*$/m;
    else if (marker === 'P.S.') pattern = /\s*p\.\s?s\..*$/m;
    else {
      try {
        pattern = new RegExp(`\\s*${marker.toLowerCase()}.*$`, 'm');
      } catch {
        pattern = new RegExp(`\\s*${marker.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}.*$`, 'm');
      }
    }
    return pattern.test(value);
  },
};
