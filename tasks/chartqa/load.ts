// Reading ChartQA's test split in the official layout (vis-nlp/ChartQA, "ChartQA Dataset/test"):
//   test/test_human.json, test/test_augmented.json   JSON arrays of {imgname, query, label}
//   test/png/<imgname>                                the chart images
// Either file may be absent (a user may stage one half); at least one must be present. Image files
// are not opened here: a missing or corrupt one becomes that sample's error in the backend.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { loadPresentParts, mapJsonList, readJsonFile, requireString } from '../../src/task/readers/index.ts';

export const SPLITS = ['human', 'augmented'] as const;
export type ChartQaSplit = (typeof SPLITS)[number];
export const splitFile = (split: ChartQaSplit): string => `test/test_${split}.json`;

async function loadSplit(root: string, split: ChartQaSplit): Promise<Sample[]> {
  const rel = splitFile(split);
  const file = path.join(root, rel);
  // Pretty-printed or not, a JSON array has no stable line per record: errors and origins name the
  // 1-based record ("<file>#record:<n>"), as the BBH loader does.
  return mapJsonList(await readJsonFile(file), file, 'record', 'expected a JSON array of questions', (row, at, i): Sample => {
    const imgname = requireString(row, 'imgname', at);
    if (imgname.trim() === '' || imgname.includes('..')) throw new DataError(at.file, at.line, `field "imgname" must name a file in test/png, found ${JSON.stringify(imgname)}`);
    if (!Object.hasOwn(row, 'label')) throw new DataError(at.file, at.line, 'field "label" missing');
    const label = row['label'];
    // The published labels are strings; a bare JSON number is read as its decimal text.
    if (typeof label !== 'string' && !(typeof label === 'number' && Number.isFinite(label))) {
      throw new DataError(at.file, at.line, `field "label" must be a string, found ${label === null ? 'null' : typeof label}`);
    }
    return {
      id: `${split}/${i + 1}`,
      subset: split,
      input: requireString(row, 'query', at),
      target: String(label),
      images: [{ kind: 'path', path: path.join(root, 'test', 'png', imgname) }],
      origin: { file: `${rel}#record`, line: i + 1 },
      metadata: { imgname },
    };
  });
}

export async function loadChartQa(root: string): Promise<TaskData> {
  // One half may be missing; anything else about a present file is an error.
  const parts = SPLITS.map((split) => ({ rel: splitFile(split), load: () => loadSplit(root, split) }));
  const { samples, files } = await loadPresentParts(root, parts, `no ChartQA files: expected ${splitFile('human')} and/or ${splitFile('augmented')}`);
  return { samples, fewshot: [], files };
}
