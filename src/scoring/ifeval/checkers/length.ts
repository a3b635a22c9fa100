// length_constraints:* — sentences, words, paragraphs.
import type { Checker } from './types.ts';
import { compare, num, str } from './types.ts';
import { countSentences, countWords } from './text-utils.ts';

export const numberSentences: Checker = {
  args: { num_sentences: 'int', relation: 'relation' },
  check: (response, kw) => compare(countSentences(response), kw['relation'], kw['num_sentences']),
};

export const numberWords: Checker = {
  args: { num_words: 'int', relation: 'relation' },
  check: (response, kw) => compare(countWords(response), kw['relation'], kw['num_words']),
};

/**
 * Paragraphs separated by the markdown divider `***` (official: re.split(r"\s?\*\*\*\s?")).
 * An empty piece is allowed only at either end; an empty one in the middle fails outright.
 */
export const numberParagraphs: Checker = {
  args: { num_paragraphs: 'int' },
  check(response, kw) {
    const pieces = response.split(/\s?\*\*\*\s?/);
    let n = pieces.length;
    for (let i = 0; i < pieces.length; i++) {
      if ((pieces[i] ?? '').trim() !== '') continue;
      if (i === 0 || i === pieces.length - 1) n--;
      else return false;
    }
    return n === num(kw['num_paragraphs']);
  },
};

/**
 * Paragraphs separated by "\n\n"; the count ignores empty pieces but the nth paragraph is
 * indexed among all pieces, as in the official code. The first word is lowercased and cut at
 * the first of . , ? ! ' " after stripping leading quotes.
 */
export const nthParagraphFirstWord: Checker = {
  args: { num_paragraphs: 'int', nth_paragraph: 'int', first_word: 'string' },
  check(response, kw) {
    const pieces = response.split('\n\n');
    const count = pieces.filter((p) => p.trim() !== '').length;
    const nth = num(kw['nth_paragraph']);
    if (nth > count) return false;
    const paragraph = (pieces[nth - 1] ?? '').trim();
    if (paragraph === '') return false;
    const word = (paragraph.split(/\s+/)[0] ?? '').replace(/^'+/, '').replace(/^"+/, '');
    let first = '';
    for (const ch of word) {
      if ('.,?!\'"'.includes(ch)) break;
      first += ch.toLowerCase();
    }
    return count === num(kw['num_paragraphs']) && first === str(kw['first_word']).toLowerCase();
  },
};
