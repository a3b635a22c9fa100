// Reading HallusionBench in the official layout (tianyi-lab/HallusionBench):
//   HallusionBench.json   [{category, subcategory, visual_input, set_id, figure_id, sample_note,
//                           question_id, question, gt_answer_details, gt_answer, filename}]
//   VD/..., VS/...        the figures of hallusion_bench.zip, so that `filename` ("./VS/chart/0_1.png")
//                         resolves next to the JSON
// `visual_input` "0" marks the 178 questions asked without a figure (filename null): they become
// text-only samples. Image files are not opened here.
import path from 'node:path';
import { DataError, type Sample, type TaskData } from '../../src/core/index.ts';
import { expectOneOf, mapJsonList, readJsonFile, requireString, sha256File } from '../../src/task/readers/index.ts';

export const FILE = 'HallusionBench.json';

/** The five fields that name a question; the sample id joins them with "/" (see `groupOf`). */
export const ID_FIELDS = ['category', 'subcategory', 'set_id', 'figure_id', 'question_id'] as const;

export async function loadHallusionBench(root: string): Promise<TaskData> {
  const file = path.join(root, FILE);
  const seen = new Set<string>();
  // Records are named by their 1-based position ("<file>#record:<n>"), as BBH's loader does.
  const samples = mapJsonList(await readJsonFile(file), file, 'record', 'expected a JSON array of questions', (row, at, i): Sample => {
    const key = ID_FIELDS.map((f) => requireString(row, f, at));
    if (key.some((part) => part.includes('/') || part === '')) throw new DataError(at.file, at.line, `fields ${ID_FIELDS.join(', ')} must be non-empty and contain no "/"`);
    expectOneOf(key[0] as string, ['VD', 'VS'], 'category', at);
    const id = key.join('/');
    if (seen.has(id)) throw new DataError(at.file, at.line, `question ${id} listed twice`);
    seen.add(id);
    const visualInput = requireString(row, 'visual_input', at);
    expectOneOf(visualInput, ['0', '1', '2'], 'visual_input', at);
    const gt = requireString(row, 'gt_answer', at);
    expectOneOf(gt, ['0', '1'], 'gt_answer', at);
    const filename = row['filename'];
    let images: Sample['images'];
    if (visualInput === '0') {
      if (filename !== null && filename !== undefined) throw new DataError(at.file, at.line, 'a question with visual_input "0" must have filename null');
    } else {
      if (typeof filename !== 'string' || filename.trim() === '' || filename.includes('..')) throw new DataError(at.file, at.line, `field "filename" must name the figure of a visual_input "${visualInput}" question`);
      images = [{ kind: 'path', path: path.join(root, filename) }];
    }
    return {
      id,
      subset: key[0] as string,
      input: requireString(row, 'question', at),
      target: gt === '1' ? 'yes' : 'no',
      ...(images === undefined ? {} : { images }),
      origin: { file: `${FILE}#record`, line: i + 1 },
      metadata: {
        subcategory: key[1] as string,
        visualInput,
        figureId: key[3] as string,
        sampleNote: typeof row['sample_note'] === 'string' ? row['sample_note'] : null,
        gtAnswerDetails: typeof row['gt_answer_details'] === 'string' ? row['gt_answer_details'] : null,
      },
    };
  });
  if (samples.length === 0) throw new DataError(file, undefined, 'no questions');
  return { samples, fewshot: [], files: [await sha256File(file, root)] };
}
