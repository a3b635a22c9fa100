// MATH-Vision testmini (304 problems, a subset of test): the same prompt and scoring as
// `mathvision`, read from data/testmini.jsonl of the same folder. See tasks/mathvision/README.md.
import { mathVisionSpec, TESTMINI_FILE } from '../mathvision/task.ts';

export default mathVisionSpec('mathvision-mini', TESTMINI_FILE, '304');
