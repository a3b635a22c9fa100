// Reading HellaSwag from the authors' JSONL (github.com/rowanz/hellaswag, data/):
// hellaswag_val.jsonl (10,042, the evaluated split: test labels are hidden) and
// hellaswag_train.jsonl (39,905, the few-shot pool). One object per line:
// {ind, activity_label, ctx_a, ctx_b, ctx, split, split_type, label, endings[4], source_id}.
// Text is preprocessed as lm-evaluation-harness's hellaswag/utils.py process_docs.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { lmEvalShotIndices } from '../../src/task/index.ts';
import { expectObject, readJsonl, requireInteger, requireString, requireStringList, sha256File } from '../../src/task/readers/index.ts';

export const VAL_FILE = 'hellaswag_val.jsonl';
export const TRAIN_FILE = 'hellaswag_train.jsonl';
export const SHOTS = 10;

/** lm-eval's preprocess: strip, " [title]" → ". ", drop [bracketed] WikiHow artifacts, "  " → " ". */
export function preprocess(text: string): string {
  return text.trim().replaceAll(' [title]', '. ').replace(/\[[^\n]*?\]/g, '').replaceAll('  ', ' ');
}

/** Python's str.capitalize(): first character upper-cased, the rest lower-cased. */
export function capitalize(text: string): string {
  const [first = '', ...rest] = [...text];
  return first.toUpperCase() + rest.join('').toLowerCase();
}

async function readSplit(dir: string, name: string, split: string): Promise<Sample[]> {
  const file = path.join(dir, name);
  const samples = (await readJsonl(file)).map(({ value, line }, index): Sample => {
    const at = { file, line };
    const doc = expectObject(value, at);
    const endings = requireStringList(doc, 'endings', at);
    // The JSONL has an integer label; the Hub copy a string. Both mean an index into endings.
    const raw = doc['label'];
    const label = typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : requireInteger(doc, 'label', at);
    if (endings.length !== 4 || label < 0 || label >= endings.length) throw new DataError(file, line, `expected 4 endings and a label 0-3, found ${endings.length} endings and label ${label}`);
    const ctx = `${requireString(doc, 'ctx_a', at)} ${capitalize(requireString(doc, 'ctx_b', at))}`;
    return {
      id: `${split}/${index}`,
      input: preprocess(`${requireString(doc, 'activity_label', at)}: ${ctx}`),
      target: String(label),
      targetIndex: label,
      choices: endings.map(preprocess),
      origin: { file: name, line },
    };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no records');
  return samples;
}

/**
 * The validation split, and the training split as the few-shot pool. Each sample's shots are
 * drawn here, once, in file order, as lm-eval's sampler draws them (see lmEvalShotIndices), and
 * kept as pool indices in metadata.shots: the same shots whatever --limit or --shard selects.
 */
export async function loadHellaswag(dir: string): Promise<TaskData> {
  const drafts = await readSplit(dir, VAL_FILE, 'val');
  const fewshot = await readSplit(dir, TRAIN_FILE, 'train');
  if (fewshot.length <= SHOTS) throw new DataError(path.join(dir, TRAIN_FILE), undefined, `has ${fewshot.length} records, ${SHOTS}-shot prompts draw ${SHOTS + 1}`);
  const draws = lmEvalShotIndices(drafts.length, fewshot.length, SHOTS, { drawOneMore: true });
  const samples = drafts.map((s, i) => ({ ...s, metadata: { shots: (draws[i] ?? []).join(',') } }));
  return { samples, fewshot, files: [await sha256File(path.join(dir, VAL_FILE), dir), await sha256File(path.join(dir, TRAIN_FILE), dir)] };
}
