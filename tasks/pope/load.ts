// Reading POPE's COCO question files in the official layout (RUCAIBox/POPE output/coco/):
//   output/coco/coco_pope_{random,popular,adversarial}.json   JSON Lines despite the extension:
//     {"question_id": int, "image": "COCO_val2014_<12 digits>.jpg", "text": question, "label": "yes"|"no"}
//   val2014/<image>                                          COCO 2014 validation images
// Any of the three splits may be absent; at least one must be present. Image files are not opened.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, expectOneOf, loadPresentParts, readJsonl, requireString } from '../../src/task/readers/index.ts';

export const SPLITS = ['random', 'popular', 'adversarial'] as const;
export const splitFile = (split: string): string => `output/coco/coco_pope_${split}.json`;
export const IMAGES_DIR = 'val2014';

async function loadSplit(root: string, split: string): Promise<Sample[]> {
  const rel = splitFile(split);
  const file = path.join(root, rel);
  const seen = new Set<string>();
  const samples: Sample[] = [];
  for (const { value, line } of await readJsonl(file)) {
    const at = { file, line };
    const row = expectObject(value, at);
    const qid = row['question_id'];
    if (typeof qid !== 'number' || !Number.isInteger(qid)) throw new DataError(file, line, 'field "question_id" must be an integer');
    if (seen.has(String(qid))) throw new DataError(file, line, `question_id ${qid} listed twice`);
    seen.add(String(qid));
    const image = requireString(row, 'image', at);
    if (image.trim() === '' || image.includes('..')) throw new DataError(file, line, `field "image" must name a file in ${IMAGES_DIR}/, found ${JSON.stringify(image)}`);
    const label = requireString(row, 'label', at);
    expectOneOf(label, ['yes', 'no'], 'label', at);
    samples.push({
      id: `${split}/${qid}`,
      subset: split,
      input: requireString(row, 'text', at),
      target: label,
      images: [{ kind: 'path', path: path.join(root, IMAGES_DIR, image) }],
      origin: { file: rel, line },
      metadata: { image },
    });
  }
  return samples;
}

export async function loadPope(root: string): Promise<TaskData> {
  const parts = SPLITS.map((split) => ({ rel: splitFile(split), load: () => loadSplit(root, split) }));
  const { samples, files } = await loadPresentParts(root, parts, `no POPE files: expected ${splitFile('{random,popular,adversarial}')}`);
  return { samples, fewshot: [], files };
}
