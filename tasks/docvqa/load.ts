// Reading DocVQA (Single Page DocVQA, RRC task 1) validation in the official layout:
//   val_v1.0.json (or val_v1.0_withQT.json)  {dataset_name, dataset_split, dataset_version, data: [...]}
//     each item: questionId, question, question_types, image ("documents/<name>.png"), docId,
//     ucsf_document_id, ucsf_document_page_no, answers (list of strings), data_split
//   documents/<name>.png                     the page images, `image` resolved next to the JSON
// Image files are not opened here: a missing or corrupt page is that sample's error in the backend.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectObject, mapJsonList, readFirstJsonFile, requireString, sha256File } from '../../src/task/readers/index.ts';

/** File names of the validation questions, as the RRC download and its "with question types" variant name them. */
export const VAL_FILES = ['val_v1.0.json', 'val_v1.0_withQT.json'] as const;

function answersOf(row: Record<string, unknown>, at: { file: string; line: number }): string[] {
  const answers = row['answers'];
  if (!Array.isArray(answers) || answers.length === 0 || !answers.every((a) => typeof a === 'string')) {
    throw new DataError(at.file, at.line, 'field "answers" must be a non-empty list of strings');
  }
  return answers as string[];
}

export async function loadDocVqa(root: string): Promise<TaskData> {
  const { rel, file, value } = await readFirstJsonFile(root, VAL_FILES, 'DocVQA validation file');
  const top = expectObject(value, { file, line: 1 });
  const seen = new Set<string>();
  // Records are named by their 1-based position in "data" ("<file>#data:<n>"), as BBH's loader does.
  const samples = mapJsonList(top['data'], file, 'data', 'field "data" must be a list of questions', (row, at, i): Sample => {
    const questionId = row['questionId'];
    if (typeof questionId !== 'number' && typeof questionId !== 'string') throw new DataError(at.file, at.line, 'field "questionId" must be a number');
    const id = String(questionId);
    if (seen.has(id)) throw new DataError(at.file, at.line, `questionId ${id} listed twice`);
    seen.add(id);
    const image = requireString(row, 'image', at);
    if (image.trim() === '' || image.includes('..')) throw new DataError(at.file, at.line, `field "image" must name a page under documents/, found ${JSON.stringify(image)}`);
    const answers = answersOf(row, at);
    const types = row['question_types'];
    return {
      id,
      input: requireString(row, 'question', at),
      // The first answer is shown as the target; scoring uses all of them (metadata "answers").
      target: answers[0] as string,
      images: [{ kind: 'path', path: path.join(root, image) }],
      origin: { file: `${rel}#data`, line: i + 1 },
      metadata: {
        answers: JSON.stringify(answers),
        image,
        questionTypes: Array.isArray(types) ? types.join(',') : null,
      },
    };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions in "data"');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
