// The instruction registry (official instructions_registry.INSTRUCTION_DICT): id → checker.
import type { Checker } from './types.ts';
import { capitalWordFrequency, englishCapital, englishLowercase } from './change-case.ts';
import { twoResponses, repeatPrompt } from './combination.ts';
import { numberPlaceholders, postscript } from './content.ts';
import { constrainedResponse, jsonFormat, multipleSections, numberBulletLists, numberHighlightedSections, title } from './format.ts';
import { existence, forbiddenWords, frequency, letterFrequency } from './keywords.ts';
import { responseLanguage } from './language.ts';
import { nthParagraphFirstWord, numberParagraphs, numberSentences, numberWords } from './length.ts';
import { endChecker, noComma, quotation } from './startend.ts';

export type { ArgKind, Checker, Kwargs } from './types.ts';
export { detectLanguage } from './language.ts';
export { countSentences, countWords, wordTokenize } from './text-utils.ts';

export const CHECKERS: Readonly<Record<string, Checker>> = {
  'keywords:existence': existence,
  'keywords:frequency': frequency,
  'keywords:forbidden_words': forbiddenWords,
  'keywords:letter_frequency': letterFrequency,
  'language:response_language': responseLanguage,
  'length_constraints:number_sentences': numberSentences,
  'length_constraints:number_paragraphs': numberParagraphs,
  'length_constraints:number_words': numberWords,
  'length_constraints:nth_paragraph_first_word': nthParagraphFirstWord,
  'detectable_content:number_placeholders': numberPlaceholders,
  'detectable_content:postscript': postscript,
  'detectable_format:number_bullet_lists': numberBulletLists,
  'detectable_format:constrained_response': constrainedResponse,
  'detectable_format:number_highlighted_sections': numberHighlightedSections,
  'detectable_format:multiple_sections': multipleSections,
  'detectable_format:json_format': jsonFormat,
  'detectable_format:title': title,
  'combination:two_responses': twoResponses,
  'combination:repeat_prompt': repeatPrompt,
  'startend:end_checker': endChecker,
  'change_case:capital_word_frequency': capitalWordFrequency,
  'change_case:english_capital': englishCapital,
  'change_case:english_lowercase': englishLowercase,
  'punctuation:no_comma': noComma,
  'startend:quotation': quotation,
};
