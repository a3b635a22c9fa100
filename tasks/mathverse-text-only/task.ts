// MathVerse testmini, Text Only version (788 problems without diagrams): the ablation that
// data/testmini_text_only.json holds. Same prompt and scoring as `mathverse`; see
// tasks/mathverse/README.md.
import { mathVerseSpec, TEXT_ONLY_FILE } from '../mathverse/task.ts';

export default mathVerseSpec('mathverse-text-only', TEXT_ONLY_FILE);
