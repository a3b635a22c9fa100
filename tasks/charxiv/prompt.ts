// CharXiv's questions as the official generation builds them (src/descriptive_utils.py
// `descriptive_query_helper`, src/reasoning_utils.py `build_reasoning_queries` and
// `get_number_instruction`): the templated instruction with the subplot location or the reasoning
// question filled in. The figure is `images/<figure_id>.jpg`.
import { DESCRIPTIVE_RESP_INST, REASONING_RESP_INST } from './instructions.ts';

/** Python's `str.format` for templates whose only fields are "{}". */
function format(template: string, ...args: string[]): string {
  let i = 0;
  return template.replace(/\{\}/g, () => args[i++] ?? '');
}

/** `subplot_loc` of descriptive_<split>.json: [row, column] ([0, 0] or [0, …] for a single plot), or a description. */
export type SubplotLoc = number[] | string;

export function descriptiveQuestion(qid: number, subplotLoc: SubplotLoc): string {
  const template = DESCRIPTIVE_RESP_INST[qid];
  if (template === undefined) throw new RangeError(`no descriptive template ${qid}`);
  // Layout and number of subplots are about the whole figure: no location prefix.
  if (qid === 18 || qid === 19) return template;
  let prefix: string;
  if (typeof subplotLoc === 'string') prefix = `For ${subplotLoc}, `;
  else if (subplotLoc[0] === 0) prefix = 'For the current plot, ';
  else prefix = `For the subplot at row ${subplotLoc[0]} and column ${subplotLoc[1]}, `;
  return format(template, prefix);
}

/** `get_number_instruction`: the number of decimal places of the gold answer, told to the model. */
export function numberInstruction(answer: string): string {
  const parts = answer.split('.');
  if (parts.length === 1) return '* Your final answer must be an exact integer.';
  return `* Your final answer must be a number with ${(parts[1] as string).length} decimal places.`;
}

export function reasoningQuestion(query: string, instCategory: number, answer: string): string {
  const template = REASONING_RESP_INST[instCategory];
  if (template === undefined) throw new RangeError(`no reasoning instruction ${instCategory}`);
  return instCategory === 4 ? format(template, query, numberInstruction(answer)) : format(template, query);
}
