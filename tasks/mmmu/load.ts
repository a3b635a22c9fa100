// MMMU validation in the layout of its Hugging Face dataset (MMMU/MMMU), under <data-dir>/mmmu:
//   <Subject>/validation-00000-of-00001.parquet   one folder per subject (30), 30 questions each
// columns id, question, options (the str() of a Python list), explanation, image_1..image_7
// ({bytes, path} or null), img_type, answer, topic_difficulty, question_type, subfield.
// Read with readParquet's `binaryAsBytes`: unannotated binary columns (the image bytes) stay bytes
// while string columns stay strings.
// Images become base64 sources; they are not decoded here (a broken one fails its sample only).
import path from 'node:path';
import { DataError, type ImageSource, type Sample, type TaskData } from '../../src/core/index.ts';
import { isDirectory, listFiles, parquetRowLocation, readParquet, requireString, sha256File, type Location } from '../../src/task/readers/index.ts';
import { parsePythonStringList } from './python-literal.ts';
import { SUBJECTS, disciplineOf } from './subjects.ts';

const COLUMNS = ['id', 'question', 'options', 'answer', 'question_type', 'subfield', 'img_type', 'topic_difficulty'];
const IMAGE_COLUMNS = ['image_1', 'image_2', 'image_3', 'image_4', 'image_5', 'image_6', 'image_7'];

function mimeOf(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'image/png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'image/jpeg';
  if (bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) return 'image/gif';
  return undefined;
}

function imageOf(value: unknown, column: string, at: Location): ImageSource | null {
  if (value === null || value === undefined) return null;
  const bytes = (value as { bytes?: unknown }).bytes;
  if (bytes === null || bytes === undefined) return null;
  if (!(bytes instanceof Uint8Array)) throw new DataError(at.file, at.line, `column "${column}": "bytes" must be binary`);
  const mime = mimeOf(bytes);
  return { kind: 'base64', data: Buffer.from(bytes).toString('base64'), ...(mime === undefined ? {} : { mime }) };
}

function toSample(row: Record<string, unknown>, at: Location, subject: string, rel: string): Sample {
  const id = requireString(row, 'id', at);
  const questionType = requireString(row, 'question_type', at);
  const answer = requireString(row, 'answer', at);
  const options = parsePythonStringList(requireString(row, 'options', at));
  if (options === null) throw new DataError(at.file, at.line, `id ${id}: "options" is not a Python list of strings`);
  const multipleChoice = questionType === 'multiple-choice';
  const targetIndex = answer.length === 1 ? answer.charCodeAt(0) - 65 : -1;
  if (multipleChoice && (options.length === 0 || targetIndex < 0 || targetIndex >= options.length)) {
    throw new DataError(at.file, at.line, `id ${id}: a multiple-choice answer must be one of the ${options.length} option letters, found ${JSON.stringify(answer)}`);
  }
  const images = IMAGE_COLUMNS.map((c) => imageOf(row[c], c, at)).filter((s): s is ImageSource => s !== null);
  if (images.length === 0) throw new DataError(at.file, at.line, `id ${id}: no image`);
  return {
    id,
    subset: subject,
    input: requireString(row, 'question', at),
    target: answer,
    ...(multipleChoice ? { choices: options, targetIndex } : {}),
    origin: { file: rel, line: at.line },
    images,
    metadata: {
      subject,
      discipline: disciplineOf(subject),
      subfield: requireString(row, 'subfield', at),
      question_type: questionType,
      img_type: requireString(row, 'img_type', at),
      topic_difficulty: requireString(row, 'topic_difficulty', at),
    },
  };
}

/** Every subject folder present under `root`; its validation shards in name order. */
export async function loadMmmu(root: string): Promise<TaskData> {
  const samples: Sample[] = [];
  const files = [];
  for (const subject of SUBJECTS) {
    if (!(await isDirectory(path.join(root, subject)))) continue;
    const names = (await listFiles(path.join(root, subject))).filter((n) => /^validation-.*\.parquet$/.test(n));
    for (const name of names) {
      const rel = `${subject}/${name}`;
      const file = path.join(root, rel);
      // image_1 is required (every question has a figure); image_2..image_7 are read when present.
      const rows = await readParquet(file, { columns: [...COLUMNS, 'image_1'], optionalColumns: IMAGE_COLUMNS, binaryAsBytes: true });
      for (const { value, row } of rows) samples.push(toSample(value, parquetRowLocation(file, row), subject, rel));
      files.push(await sha256File(file, root));
    }
  }
  if (samples.length === 0) {
    throw new DataError(root, undefined, 'no MMMU validation files: expected <Subject>/validation-00000-of-00001.parquet (Hugging Face MMMU/MMMU)', { code: 'DATA_MISSING' });
  }
  return { samples, fewshot: [], files };
}
