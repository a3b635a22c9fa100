// MathVerse testmini in the layout of its official repository (ZrrSkywalker/MathVerse), under
// <data-dir>/mathverse:
//   data/testmini.json             list of 3,940 samples: 788 problems × 5 versions (Text Dominant,
//                                  Text Lite, Vision Intensive, Vision Dominant, Vision Only)
//   data/testmini_text_only.json   the same 788 problems as "Text Only" (no image), an ablation
//   data/images/<image>            images.zip of Hugging Face AI4Math/MathVerse, unzipped into data/
//                                  so that `image` ("images_version_1-4/image_685.png") resolves
// Fields: sample_index, problem_index, problem_version, question (choices inline), image, answer,
// question_type (multi-choice | free-form), metadata {split, source, subject, subfield}, query_wo,
// query_cot. JSON arrays have no lines: `origin.line` and errors use the 1-based position.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, expectOneOf, readJsonFile, requireString, sha256File, type Location } from '../../src/task/readers/index.ts';

export const TESTMINI_FILE = 'data/testmini.json';
export const TEXT_ONLY_FILE = 'data/testmini_text_only.json';
export const IMAGE_DIR = 'data/images';

function toSample(value: unknown, at: Location, root: string, rel: string): Sample {
  const obj = expectObject(value, at);
  const id = requireString(obj, 'sample_index', at);
  const version = requireString(obj, 'problem_version', at);
  const questionType = requireString(obj, 'question_type', at);
  expectOneOf(questionType, ['multi-choice', 'free-form'], 'question_type', at);
  const image = requireString(obj, 'image', at);
  if (version !== 'Text Only' && image === '') throw new DataError(at.file, at.line, `sample ${id}: a ${version} sample needs an image`);
  if (path.isAbsolute(image)) throw new DataError(at.file, at.line, `sample ${id}: field "image" must be a relative path`);
  const meta = expectObject(obj['metadata'], at);
  return {
    id,
    subset: version,
    input: requireString(obj, 'question', at),
    target: requireString(obj, 'answer', at),
    origin: { file: rel, line: at.line },
    ...(image === '' ? {} : { images: [{ kind: 'path' as const, path: path.resolve(root, IMAGE_DIR, image) }] }),
    metadata: {
      problem_index: requireString(obj, 'problem_index', at),
      question_type: questionType,
      query_wo: requireString(obj, 'query_wo', at),
      subject: requireString(meta, 'subject', at),
      subfield: requireString(meta, 'subfield', at),
      source: requireString(meta, 'source', at),
    },
  };
}

/** Read one of the two testmini files of the folder `root`. */
export async function loadMathVerse(root: string, rel: string): Promise<TaskData> {
  const file = path.join(root, rel);
  const value = await readJsonFile(file);
  if (!Array.isArray(value) || value.length === 0) throw new DataError(file, undefined, 'expected a non-empty JSON list of samples');
  const seen = new Set<string>();
  const samples = value.map((v, i) => {
    const sample = toSample(v, { file, line: i + 1 }, root, rel);
    if (seen.has(sample.id)) throw new DataError(file, i + 1, `sample_index ${sample.id} appears twice`);
    seen.add(sample.id);
    return sample;
  });
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
