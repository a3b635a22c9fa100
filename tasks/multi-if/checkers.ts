// Multi-IF's checkers are IFEval's (facebookresearch/Multi-IF ifeval.py INSTRUCTION_DICT: the same
// 25 ids), except that two counts depend on the response's language (detected with langdetect
// there, with the shared approximation detectLanguage here; undetectable text counts as English):
// - length_constraints:number_words: Chinese/Japanese (zh, zh-cn, zh-tw, ja) count each CJK or
//   kana or Hangul character as a word, plus the space-separated remainder and emoji, after
//   removing a fixed set of punctuation (count_words_chinese_japanese); Thai uses pythainlp's
//   word tokenizer (approximated with ICU word segmentation); others as IFEval (\w+ tokens);
// - length_constraints:number_sentences: zh/ja count the pieces ending in 。!?.！？． or a line end
//   (split_chinese_japanese); Hindi splits after । ! ? (count_hindi_num_sentences); Thai counts
//   pythainlp sentences per line (approximated with ICU sentence segmentation); others as IFEval.
import { countSentences, countWords, detectLanguage, IFEVAL_CHECKERS, type IfevalChecker, type IfevalKwargs } from '../../src/scoring/index.ts';

const CJK = /[\u4E00-\u9FFF\u3400-\u4DBF]|[\u3040-\u309f\u30a0-\u30ff]|[\uAC00-\uD7AF]/gu;
// The characters of Multi-IF's non_alphanumeric_patterns class, removed before counting.
const NON_ALPHANUMERIC = /[\\.!?．/_,{}<>:;$%^&*(+"'—！，。？、`~@#￥…（）：；《》“”()[\]»〔〕\-「」]+/gu;
// What the emoji package counts as one emoji, approximately: a pictograph with its modifiers.
const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\p{Emoji_Modifier}|\u200D\p{Extended_Pictographic})*/gu;
const PY_WHITESPACE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/u;
const PY_LINE_BREAK = /\r\n|[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]/u;

/** langdetect's answer, or 'en' where it raises (as the Multi-IF checkers fall back). */
function language(text: string): string {
  return detectLanguage(text) ?? 'en';
}

const isCjkLanguage = (lang: string): boolean => ['zh', 'zh-cn', 'zh-tw', 'ja'].includes(lang);

export function countWordsChineseJapanese(text: string): number {
  let rest = text.replace(NON_ALPHANUMERIC, '');
  const emoji = (rest.match(EMOJI) ?? []).length;
  rest = rest.replace(EMOJI, '');
  const asian = (rest.match(CJK) ?? []).length;
  const others = rest.replace(CJK, ' ').split(PY_WHITESPACE).filter((w) => w !== '').length;
  return others + asian + emoji;
}

export function countSentencesChineseJapanese(text: string): number {
  let n = 0;
  for (const line of text.split(PY_LINE_BREAK)) {
    n += (line.trim().match(/[^!?。.！？．\n]+[!?。.！？．\n]?/gu) ?? []).length;
  }
  return n;
}

export function countSentencesHindi(text: string): number {
  return text.split(/(?<=[।!?])\s*/u).filter((s) => s.trim() !== '').length;
}

function segments(text: string, granularity: 'word' | 'sentence'): number {
  const segmenter = new Intl.Segmenter('th', { granularity });
  let n = 0;
  for (const s of segmenter.segment(text)) if (granularity === 'sentence' || s.isWordLike === true) n++;
  return n;
}

export function multiIfWordCount(text: string): number {
  const lang = language(text);
  if (lang === 'th') return segments(text, 'word');
  if (isCjkLanguage(lang)) return countWordsChineseJapanese(text);
  return countWords(text);
}

export function multiIfSentenceCount(text: string): number {
  const lang = language(text);
  if (lang === 'th') return text.split(PY_LINE_BREAK).reduce((n, line) => n + segments(line, 'sentence'), 0);
  if (lang === 'hi') return countSentencesHindi(text);
  if (isCjkLanguage(lang)) return countSentencesChineseJapanese(text);
  return countSentences(text);
}

function compare(n: number, kwargs: IfevalKwargs, threshold: string): boolean {
  const limit = Number(kwargs[threshold]);
  return kwargs['relation'] === 'less than' ? n < limit : n >= limit;
}

export const MULTI_IF_CHECKERS: Readonly<Record<string, IfevalChecker>> = {
  ...IFEVAL_CHECKERS,
  'length_constraints:number_words': { args: { num_words: 'int', relation: 'relation' }, check: (r, kw) => compare(multiIfWordCount(r), kw, 'num_words') },
  'length_constraints:number_sentences': { args: { num_sentences: 'int', relation: 'relation' }, check: (r, kw) => compare(multiIfSentenceCount(r), kw, 'num_sentences') },
};
