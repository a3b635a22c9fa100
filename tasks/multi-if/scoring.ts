// Multi-IF scoring (facebookresearch/Multi-IF metrics.py): at turn k the response to the k-th
// user message is checked against turn k's instructions (which repeat the earlier turns' ones),
// strict and loose as IFEval (gen_acc_strict, gen_acc_loose). Per turn, over the conversations
// that have that turn: prompt-level accuracy (all instructions followed) and instruction-level
// accuracy (micro: Σ followed / Σ instructions), strict and loose; the turn's "overall" is the
// mean of the four (metrics_gen: turn_k_<language>_overall). Every value below is per sample, so
// the runner's ratio and weighted-sum aggregates give exactly those numbers, per language too.
import type { Completion, MetricSpec, Sample, Score } from '../../src/core/index.ts';
import { followedInstructions, stripThinking } from '../../src/scoring/index.ts';
import { MULTI_IF_CHECKERS } from './checkers.ts';
import { TURNS, turnsOf } from './load.ts';

const TURN_NUMBERS = Array.from({ length: TURNS }, (_, i) => i + 1);

/** The per-sample values of one turn (all 0 when the turn does not exist or was not answered). */
function turnValues(k: number, instructions: { id: string; kwargs: Record<string, unknown> }[] | null, response: string | undefined): Record<string, number> {
  const v = { present: 0, prompt_strict: 0, prompt_loose: 0, inst_count: 0, inst_strict: 0, inst_loose: 0 };
  if (instructions !== null && response !== undefined) {
    const strict = followedInstructions(response, instructions, false, MULTI_IF_CHECKERS);
    const loose = followedInstructions(response, instructions, true, MULTI_IF_CHECKERS);
    v.present = 1;
    v.prompt_strict = strict.every(Boolean) ? 1 : 0;
    v.prompt_loose = loose.every(Boolean) ? 1 : 0;
    v.inst_count = instructions.length;
    v.inst_strict = strict.filter(Boolean).length;
    v.inst_loose = loose.filter(Boolean).length;
  }
  return Object.fromEntries(Object.entries(v).map(([name, value]) => [`t${k}_${name}`, value]));
}

/**
 * Score a conversation from the responses given so far (responses[k-1] answers turn k). With one
 * response, turns 2 and 3 count as not run: their values are 0 and their metrics stay empty.
 */
export function scoreConversation(sample: Sample, responses: readonly string[]): Score {
  const turns = turnsOf(sample);
  const values: Record<string, number> = {};
  const failed: string[] = [];
  for (const k of TURN_NUMBERS) {
    const turn = turns[k - 1] ?? null;
    const instructions = turn === null ? null : turn.ids.map((id, i) => ({ id, kwargs: turn.kwargs[i] ?? {} }));
    const response = responses[k - 1] === undefined ? undefined : stripThinking(responses[k - 1] as string);
    Object.assign(values, turnValues(k, instructions, response));
    if (values[`t${k}_present`] === 1 && values[`t${k}_prompt_strict`] === 0) failed.push(`turn ${k}`);
  }
  return { values, ...(failed.length > 0 ? { explanation: `instructions not all followed (strict) at ${failed.join(', ')}` } : {}) };
}

export function scoreMultiIf(sample: Sample, completion: Completion): Score {
  return scoreConversation(sample, [completion.kind === 'generate' ? completion.text : '']);
}

/** Per turn: the four accuracies as ratios of per-sample values, and their mean. */
export function multiIfMetrics(): MetricSpec[] {
  const metrics: MetricSpec[] = [];
  for (const k of TURN_NUMBERS) {
    const ratio = (name: string, numerator: string, denominator: string, description: string): MetricSpec => ({
      name: `turn${k}_${name}`,
      higherIsBetter: true,
      description: `turn ${k}: ${description}`,
      aggregate: { kind: 'ratio', numerator: `t${k}_${numerator}`, denominator: `t${k}_${denominator}` },
    });
    metrics.push(
      ratio('prompt_strict', 'prompt_strict', 'present', 'share of conversations whose turn-k response follows all its instructions (strict)'),
      ratio('inst_strict', 'inst_strict', 'inst_count', 'share of all turn-k instructions followed (strict, micro average)'),
      ratio('prompt_loose', 'prompt_loose', 'present', 'share of conversations whose turn-k response follows all its instructions (loose)'),
      ratio('inst_loose', 'inst_loose', 'inst_count', 'share of all turn-k instructions followed (loose, micro average)'),
      {
        name: `turn${k}_overall`,
        higherIsBetter: true,
        description: `turn ${k}: mean of the four accuracies (Multi-IF metrics_gen "overall")`,
        aggregate: { kind: 'weighted-sum', terms: ['prompt_strict', 'inst_strict', 'prompt_loose', 'inst_loose'].map((m) => ({ metric: `turn${k}_${m}`, weight: 0.25 })) },
      },
    );
  }
  metrics.push({
    name: 'overall',
    higherIsBetter: true,
    description: 'mean of the three turns\' overall accuracies (absent until all three turns are run)',
    // Weighted sums cannot nest: the twelve accuracies, each 1/12.
    aggregate: { kind: 'weighted-sum', terms: TURN_NUMBERS.flatMap((k) => ['prompt_strict', 'inst_strict', 'prompt_loose', 'inst_loose'].map((m) => ({ metric: `turn${k}_${m}`, weight: 1 / (4 * TURNS) }))) },
  });
  return metrics;
}
