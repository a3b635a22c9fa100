// language:response_language. The official checker calls `langdetect.detect(value)` (a
// character n-gram naive Bayes model over 55 languages), unavailable here. APPROXIMATION: a
// script- and stopword-based detector that covers the languages IFEval asks for (see README):
// the dominant Unicode script decides for scripts used by one language; within a shared script
// (Devanagari, Arabic, Cyrillic, Latin) distinctive letters and frequent function words decide.
import type { Checker } from './types.ts';
import { str } from './types.ts';

const SCRIPTS: [RegExp, string][] = [
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Kannada}/u, 'kn'],
  [/\p{Script=Gurmukhi}/u, 'pa'],
  [/\p{Script=Gujarati}/u, 'gu'],
  [/\p{Script=Telugu}/u, 'te'],
  [/\p{Script=Tamil}/u, 'ta'],
  [/\p{Script=Bengali}/u, 'bn'],
  [/\p{Script=Malayalam}/u, 'ml'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Greek}/u, 'el'],
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Han}/u, 'zh-cn'],
  [/\p{Script=Devanagari}/u, 'devanagari'],
  [/\p{Script=Arabic}/u, 'arabic'],
  [/\p{Script=Cyrillic}/u, 'cyrillic'],
  [/\p{Script=Latin}/u, 'latin'],
];

/** Frequent function words per language (lowercase); the language with most hits wins. */
const STOPWORDS: Record<string, string[]> = {
  en: ['the', 'and', 'of', 'to', 'is', 'in', 'that', 'it', 'for', 'with', 'you', 'this', 'are', 'be', 'on', 'as', 'your', 'a', 'an', 'i', 'we', 'or', 'not', 'have'],
  de: ['der', 'die', 'und', 'das', 'ist', 'nicht', 'ich', 'mit', 'sie', 'ein', 'eine', 'zu', 'den', 'von', 'auf', 'für', 'auch', 'sich', 'dem', 'es', 'wir', 'sind'],
  it: ['il', 'in', 'sul', 'di', 'che', 'e', 'la', 'per', 'un', 'una', 'è', 'non', 'sono', 'con', 'del', 'della', 'le', 'gli', 'si', 'al', 'nel', 'anche', 'questo', 'ci'],
  pt: ['o', 'de', 'que', 'e', 'do', 'da', 'em', 'um', 'uma', 'para', 'com', 'não', 'os', 'as', 'é', 'no', 'na', 'se', 'mais', 'por', 'são', 'você'],
  fi: ['ja', 'on', 'ei', 'se', 'että', 'hän', 'oli', 'ovat', 'kun', 'mutta', 'myös', 'tai', 'sen', 'kuin', 'niin', 'joka', 'voi', 'olla', 'ole', 'tämä', 'sinun', 'minä'],
  sw: ['na', 'ya', 'wa', 'kwa', 'ni', 'za', 'katika', 'la', 'kuwa', 'hii', 'kama', 'lakini', 'pia', 'huu', 'yake', 'wako', 'sana', 'ili', 'hiyo', 'kwamba', 'watu', 'zaidi'],
  vi: ['và', 'của', 'là', 'các', 'có', 'được', 'trong', 'cho', 'không', 'những', 'một', 'với', 'người', 'này', 'để', 'đã', 'bạn', 'về', 'từ', 'khi', 'nhiều', 'cũng'],
  fr: ['le', 'la', 'les', 'et', 'des', 'est', 'une', 'un', 'du', 'que', 'pour', 'dans', 'pas', 'qui', 'vous', 'sur', 'au', 'avec', 'ce', 'il', 'nous', 'sont'],
  es: ['el', 'la', 'de', 'que', 'y', 'en', 'los', 'las', 'del', 'es', 'un', 'una', 'por', 'con', 'para', 'no', 'su', 'se', 'lo', 'como', 'más', 'pero'],
  hi: ['है', 'और', 'के', 'में', 'की', 'को', 'से', 'हैं', 'का', 'नहीं', 'लिए', 'यह', 'भी', 'एक', 'पर', 'था', 'कि', 'हम', 'आप', 'करने'],
  mr: ['आहे', 'आणि', 'या', 'हे', 'की', 'आहेत', 'व', 'ते', 'त्या', 'करण्यासाठी', 'म्हणून', 'एक', 'मध्ये', 'होते', 'तुम्ही', 'आपण', 'नाही', 'हा', 'ही', 'केले'],
  ne: ['छ', 'र', 'को', 'मा', 'हो', 'छन्', 'गर्न', 'पनि', 'यो', 'लागि', 'भएको', 'गर्ने', 'हुन्छ', 'तपाईं', 'थियो', 'भने', 'एक', 'रहेको', 'का', 'नै'],
  ru: ['и', 'в', 'не', 'на', 'что', 'с', 'как', 'это', 'по', 'к', 'но', 'из', 'для', 'вы', 'он', 'мы', 'был', 'все', 'так', 'его', 'также', 'или'],
  bg: ['и', 'в', 'на', 'не', 'да', 'се', 'за', 'че', 'от', 'с', 'е', 'са', 'по', 'това', 'като', 'но', 'ще', 'си', 'може', 'или', 'който', 'към'],
  uk: ['і', 'в', 'не', 'на', 'що', 'з', 'як', 'це', 'та', 'до', 'але', 'для', 'ви', 'також', 'який', 'бути'],
  ar: ['في', 'من', 'على', 'أن', 'إلى', 'التي', 'عن', 'هذا', 'الذي', 'مع', 'هذه', 'كان', 'ما', 'لا', 'هو', 'أو'],
  fa: ['و', 'در', 'به', 'از', 'که', 'این', 'را', 'با', 'است', 'برای', 'آن', 'یک', 'می', 'های', 'شود', 'هم'],
  ur: ['کے', 'کی', 'میں', 'ہے', 'اور', 'سے', 'کو', 'کا', 'یہ', 'نے', 'ہیں', 'پر', 'بھی', 'ایک', 'کہ', 'آپ'],
};

const CANDIDATES: Record<string, string[]> = {
  devanagari: ['hi', 'mr', 'ne'],
  arabic: ['ar', 'fa', 'ur'],
  cyrillic: ['ru', 'bg', 'uk'],
  latin: ['en', 'de', 'it', 'pt', 'fi', 'sw', 'vi', 'fr', 'es'],
};

function byStopwords(text: string, candidates: string[]): string {
  const words = text.toLowerCase().match(/[\p{L}\p{M}]+/gu) ?? [];
  let best = candidates[0] ?? 'en';
  let bestScore = -1;
  for (const lang of candidates) {
    const set = new Set(STOPWORDS[lang] ?? []);
    let score = 0;
    for (const w of words) if (set.has(w)) score++;
    // Letters only one candidate uses settle a near tie (Vietnamese tones, Finnish ä/ö ...).
    if (lang === 'vi') score += 3 * (text.match(/[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/giu) ?? []).length;
    if (lang === 'ru') score += 3 * (text.match(/[ыэё]/giu) ?? []).length;
    if (lang === 'bg') score += 2 * (text.match(/ъ/giu) ?? []).length;
    if (lang === 'uk') score += 3 * (text.match(/[іїєґ]/giu) ?? []).length;
    if (lang === 'fa') score += 2 * (text.match(/[پچژگکی]/gu) ?? []).length;
    if (lang === 'ur') score += 3 * (text.match(/[ےںٹڈڑہھ]/gu) ?? []).length;
    if (score > bestScore) [best, bestScore] = [lang, score];
  }
  return best;
}

/**
 * The language of `text` as an ISO 639-1 code as langdetect names it, or null where langdetect
 * would raise (no letters at all; the official checker then counts the instruction followed).
 */
export function detectLanguage(text: string): string | null {
  const counts = new Map<string, number>();
  for (const ch of text) {
    if (!/\p{L}/u.test(ch)) continue;
    for (const [re, name] of SCRIPTS) {
      if (re.test(ch)) {
        counts.set(name, (counts.get(name) ?? 0) + 1);
        break;
      }
    }
  }
  let script: string | null = null;
  let most = 0;
  for (const [name, n] of counts) if (n > most) [script, most] = [name, n];
  if (script === null) return null;
  const candidates = CANDIDATES[script];
  return candidates === undefined ? script : byStopwords(text, candidates);
}

export const responseLanguage: Checker = {
  args: { language: 'string' },
  check(response, kwargs) {
    const found = detectLanguage(response);
    return found === null || found === str(kwargs['language']);
  },
};
