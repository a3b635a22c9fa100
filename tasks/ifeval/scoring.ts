// IFEval scoring. Per sample: prompt-level strict/loose (all instructions followed, 0/1) and
// instruction-level strict/loose as the fraction of this prompt's instructions followed.
// NOTE: the official instruction-level accuracy is a MICRO average over all instructions
// (sum followed / sum instructions), not the mean of per-prompt fractions that the harness's
// per-sample mean gives; `inst_count`, `inst_strict_followed` and `inst_loose_followed` are in
// Score.values so a report can compute the official micro average.
import type { Completion, Sample, Score } from '../../src/core/index.ts';
import { followedInstructions as followed, stripThinking, type IfevalInstruction as Instruction } from '../../src/scoring/index.ts';

export const METRICS = {
  promptStrict: 'prompt_level_strict_acc',
  promptLoose: 'prompt_level_loose_acc',
  instStrict: 'inst_level_strict_acc',
  instLoose: 'inst_level_loose_acc',
} as const;

/** The instructions stored on a sample by the loader. */
export function instructionsOf(sample: Sample): Instruction[] {
  const ids = JSON.parse(String(sample.metadata?.['instructions'] ?? '[]')) as string[];
  const kwargs = JSON.parse(String(sample.metadata?.['kwargs'] ?? '[]')) as Record<string, unknown>[];
  return ids.map((id, i) => ({ id, kwargs: kwargs[i] ?? {} }));
}

export function scoreResponse(instructions: Instruction[], response: string): Score {
  const strict = followed(response, instructions, false);
  const loose = followed(response, instructions, true);
  const n = instructions.length;
  const s = strict.filter(Boolean).length;
  const l = loose.filter(Boolean).length;
  const failed = instructions.filter((_, i) => !strict[i]).map((x) => x.id);
  return {
    values: {
      [METRICS.promptStrict]: s === n ? 1 : 0,
      [METRICS.promptLoose]: l === n ? 1 : 0,
      [METRICS.instStrict]: n === 0 ? 0 : s / n,
      [METRICS.instLoose]: n === 0 ? 0 : l / n,
      inst_count: n,
      inst_strict_followed: s,
      inst_loose_followed: l,
    },
    ...(failed.length > 0 ? { explanation: `not followed (strict): ${failed.join(', ')}` } : {}),
  };
}

export function scoreIfeval(sample: Sample, completion: Completion): Score {
  const instructions = instructionsOf(sample);
  // Thinking text is not part of the answer the instructions apply to.
  const text = completion.kind === 'generate' ? stripThinking(completion.text) : '';
  return scoreResponse(instructions, text);
}
