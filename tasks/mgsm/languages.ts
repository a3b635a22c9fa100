// Per-language strings of lm-eval's mgsm_native_cot tasks (lm_eval/tasks/mgsm/utils.py LANGUAGES,
// the generated native_cot/mgsm_native_cot_<lang>.yaml, task version 4.0): the question label of
// a test question, the answer label that opens every worked answer, and the "strict-match"
// pattern (lm-eval's regex for the language, verbatim; bn reuses the English one, and de's
// "lautet" is not the exemplars' "ist": both are lm-eval's choices, kept). Data, not logic.
export interface Language {
  question: string;
  answer: string;
  strict: RegExp;
}

export const LANGUAGES: Readonly<Record<string, Language>> = {
  bn: { question: 'প্রশ্ন:', answer: 'ধাপে ধাপে উত্তর:', strict: /The answer is (\-?[0-9\.\,]+)/ },
  de: { question: 'Frage:', answer: 'Schritt-für-Schritt-Antwort:', strict: /Die Antwort lautet (\-?[0-9\.\,]+)/ },
  en: { question: 'Question:', answer: 'Step-by-Step Answer:', strict: /The answer is (\-?[0-9\.\,]+)/ },
  es: { question: 'Pregunta:', answer: 'Respuesta paso a paso:', strict: /La respuesta es (\-?[0-9\.\,]+)/ },
  fr: { question: 'Question :', answer: 'Réponse étape par étape :', strict: /La réponse est (\-?[0-9\.\,]+)/ },
  ja: { question: '問題：', answer: 'ステップごとの答え:', strict: /答えは(\-?[0-9\.\,]+)です。/ },
  ru: { question: 'Задача:', answer: 'Пошаговоерешение:', strict: /Ответ — (\-?[0-9\.\,]+)/ },
  sw: { question: 'Swali:', answer: 'Jibu la Hatua kwa Hatua:', strict: /Jibu ni (\-?[0-9\.\,]+)/ },
  te: { question: 'ప్రశ్న:', answer: 'దశలవారీగా సమాధానం:', strict: /సమాధానం (\-?[0-9\.\,]+)/ },
  th: { question: 'โจทย์:', answer: 'คำตอบทีละขั้นตอน:', strict: /คำตอบคือ (\-?[0-9\.\,]+)/ },
  zh: { question: '问题：', answer: '逐步解答:', strict: /答案是 (\-?[0-9\.\,]+)。/ },
};

export const LANGUAGE_CODES = Object.keys(LANGUAGES);
