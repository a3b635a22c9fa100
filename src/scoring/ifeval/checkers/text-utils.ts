// Text helpers matching Python/nltk behaviour used by the official checkers.

/** Python `str.isupper()`: at least one cased character and no lowercase one. */
export function pyIsUpper(s: string): boolean {
  return s.toUpperCase() === s && s.toLowerCase() !== s;
}

/** Python `str.islower()`: at least one cased character and no uppercase one. */
export function pyIsLower(s: string): boolean {
  return s.toLowerCase() === s && s.toUpperCase() !== s;
}

/**
 * Official `count_words`: nltk RegexpTokenizer(r"\w+"). Python's Unicode `\w` is letters,
 * numbers and underscore (combining marks are not word characters), hence \p{L}\p{N}_.
 */
export function countWords(text: string): number {
  return (text.match(/[\p{L}\p{N}_]+/gu) ?? []).length;
}

/**
 * A compiled pattern for a kwarg the official code passes to `re` unescaped (keywords). The
 * dataset's keywords are plain words, for which JS and Python regexes agree; a keyword that is
 * not a valid JS regex is matched literally instead of throwing.
 */
export function pyPattern(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, flags);
  } catch {
    return new RegExp(source.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), flags);
  }
}

// Abbreviations after which punkt (English model) does not end a sentence. A small list of the
// common ones: the real punkt model learned several hundred from a corpus.
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sr', 'jr', 'st', 'vs', 'etc', 'e.g', 'i.e', 'inc', 'ltd', 'co', 'corp',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'no', 'vol', 'fig',
  'u.s', 'u.k', 'a.m', 'p.m', 'approx', 'dept', 'est', 'mt', 'ft', 'gen', 'gov', 'sen', 'rep', 'col', 'lt',
]);

/**
 * APPROXIMATION of the official `count_sentences` (nltk punkt, English model). Punkt splits
 * after `.`, `?`, `!` (optionally followed by closing quotes/brackets) when whitespace follows,
 * except after a known abbreviation, an initial ("J. Smith") or an ordinal-like number
 * followed by a lowercase word; it does not split at line breaks without punctuation.
 */
export function countSentences(text: string): number {
  const re = /([^\s]*?)([.?!]+)(["'”’)\]]*)(?=\s+(\S)|\s*$)/g;
  let count = 0;
  let last = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const token = (m[1] ?? '').toLowerCase().replace(/^[("'“‘[]+/, '');
    const punct = m[2] ?? '';
    const next = m[4];
    if (punct === '.') {
      if (ABBREVIATIONS.has(token) && next !== undefined) continue;
      if (/^\p{L}$/u.test(token) && next !== undefined && /\p{Lu}/u.test(next)) continue; // initial
      if (next !== undefined && /\p{Ll}/u.test(next)) continue; // punkt rarely splits before lowercase
    }
    if (text.slice(last, m.index + m[0].length).trim() !== '') count++;
    last = m.index + m[0].length;
  }
  if (text.slice(last).trim() !== '') count++;
  return count;
}

/**
 * APPROXIMATION of nltk `word_tokenize` for counting capitalised words: whitespace tokens with
 * surrounding punctuation split off and the clitics 's / n't / 're ... separated (as the Treebank
 * tokenizer does); hyphenated words stay one token, as in nltk.
 */
export function wordTokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/\s+/)) {
    const m = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(raw);
    if (m === null) continue;
    const [, lead = '', core = '', trail = ''] = m;
    for (const ch of lead) out.push(ch);
    if (core !== '') {
      const clitic = /^(.+?)('s|'S|n't|N'T|'re|'RE|'ve|'VE|'ll|'LL|'d|'D|'m|'M)$/.exec(core);
      if (clitic !== null) out.push(clitic[1] ?? '', clitic[2] ?? '');
      else out.push(core);
    }
    for (const ch of trail) out.push(ch);
  }
  return out.filter((t) => t !== '');
}
