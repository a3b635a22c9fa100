// AGIEval's zero-shot prompt (src/dataset_loader.py convert_zero_shot), which is also the `query`
// of the lm-evaluation-harness copies (hails/agieval-*):
//   English:  passage + "Q: " + question + " Answer Choices: " + options joined by " " + "\n"
//             + "A: Among A through {last letter}, the answer is"
//   Chinese:  passage + "问题：" + question + " 选项：" + options joined by " " + "\n"
//             + "答案：从A到{last letter}, 我们应选择"
// The passage is glued to "Q:" without a separator, as in the reference. A one-option question
// is treated as five (English) or four (Chinese) options when naming the last letter, as there.
// Continuations are lm-eval's: " " + each option as written ("(A)...").
import type { Sample } from '../../src/core/index.ts';
import { CHINESE_QA } from './load.ts';

const LETTERS = 'ABCDEFG';

export function isChinese(subset: string | undefined): boolean {
  return (CHINESE_QA as readonly string[]).includes(subset ?? '');
}

export function renderQuery(sample: Sample): string {
  const options = sample.choices ?? [];
  const passage = String(sample.metadata?.['passage'] ?? '');
  if (isChinese(sample.subset)) {
    const last = LETTERS[(options.length === 1 ? 4 : options.length) - 1];
    return `${passage}问题：${sample.input} 选项：${options.join(' ')}\n答案：从A到${last}, 我们应选择`;
  }
  const last = LETTERS[(options.length === 1 ? 5 : options.length) - 1];
  return `${passage}Q: ${sample.input} Answer Choices: ${options.join(' ')}\nA: Among A through ${last}, the answer is`;
}

export function continuations(sample: Sample): string[] {
  return (sample.choices ?? []).map((option) => ` ${option}`);
}
