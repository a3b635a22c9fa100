// IFEval's 25 instruction checkers and its strict/loose evaluation, shared by the IFEval and
// Multi-IF tasks (moved here from tasks/ifeval). Re-exported by src/scoring/index.ts.
export { CHECKERS as IFEVAL_CHECKERS, countSentences, countWords, detectLanguage, wordTokenize, type ArgKind as IfevalArgKind, type Checker as IfevalChecker, type Kwargs as IfevalKwargs } from './checkers/index.ts';
export { followed as followedInstructions, looseVariants, type Instruction as IfevalInstruction } from './evaluate.ts';
export { kwargKindOk, validateInstructions } from './kwargs.ts';
