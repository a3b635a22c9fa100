// detectable_format:* — bullets, fixed answers, highlights, sections, JSON, title.
import type { Checker } from './types.ts';
import { num, str } from './types.ts';

const count = (text: string, re: RegExp): number => (text.match(re) ?? []).length;

/** Lines starting with `*` (not `**`) or `-`; the number must be exact. */
export const numberBulletLists: Checker = {
  args: { num_bullets: 'int' },
  check: (r, kw) => count(r, /^\s*\*[^*].*$/gm) + count(r, /^\s*-.*$/gm) === num(kw['num_bullets']),
};

const OPTIONS = ['My answer is yes.', 'My answer is no.', 'My answer is maybe.'];
/** Contains (not equals) one of the fixed answers. */
export const constrainedResponse: Checker = {
  args: {},
  check: (r) => OPTIONS.some((o) => r.trim().includes(o)),
};

/** `*text*` and `**text**` spans with non-blank content each count (a `**x**` counts in both). */
export const numberHighlightedSections: Checker = {
  args: { num_highlights: 'int' },
  check(r, kw) {
    let n = 0;
    for (const h of r.match(/\*[^\n*]*\*/g) ?? []) if (h.replace(/^\*+|\*+$/g, '').trim() !== '') n++;
    for (const h of r.match(/\*\*[^\n*]*\*\*/g) ?? []) if (h.slice(2, -2).trim() !== '') n++;
    return n >= num(kw['num_highlights']);
  },
};

/** Occurrences of "<splitter> <number>" (case-sensitive), at least the requested number. */
export const multipleSections: Checker = {
  args: { section_spliter: 'string', num_sections: 'int' },
  check(r, kw) {
    const splitter = str(kw['section_spliter']).trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return count(r, new RegExp(`\\s?${splitter}\\s?\\d+\\s?`, 'g')) >= num(kw['num_sections']);
  },
};

/** The whole response parses as JSON once ``` fences (```json/Json/JSON) are removed. */
export const jsonFormat: Checker = {
  args: {},
  check(r) {
    let v = r.trim();
    for (const p of ['```json', '```Json', '```JSON', '```']) if (v.startsWith(p)) v = v.slice(p.length);
    if (v.endsWith('```')) v = v.slice(0, -3);
    try {
      JSON.parse(v.trim());
      return true;
    } catch {
      return false;
    }
  },
};

/** A `<<title>>` on one line with non-blank content. */
export const title: Checker = {
  args: {},
  check: (r) => (r.match(/<<[^\n]+>>/g) ?? []).some((t) => t.replace(/^<+/, '').replace(/>+$/, '').trim() !== ''),
};
