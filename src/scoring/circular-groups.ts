// Circular evaluation (MMBench, Liu et al. 2023, §3.2 "CircularEval"): each question is asked once
// per rotation of its options and counts as right only when every pass is right. VLMEvalKit's TSVs
// store each pass as its own row; the passes of one question share `index % 1e6`, and the first
// pass is the row whose index equals that value (vlmeval/dataset/utils/multiple_choice.py
// mcq_circular_eval: g_index = int(index % 1e6); groups are keyed by the rows with
// index == g_index). These helpers give the groups to an `all-in-group` MetricAggregate, whose
// groupOf reads the sample id, so samples of circular tasks use the row index as their id.
import type { MetricAggregate } from '../core/index.ts';

/** VLMEvalKit's offset between the passes of one question. */
export const CIRCULAR_OFFSET = 1_000_000;

/** The group (first pass index) of a row index. */
export function circularGroupOf(index: number): number {
  return index % CIRCULAR_OFFSET;
}

/** Whether a row is the first pass of its question (VLMEvalKit's "vanilla" rows). */
export function isFirstPass(index: number): boolean {
  return index >= 0 && index < CIRCULAR_OFFSET;
}

/** The row index a sample id holds, or null when the id is not a non-negative integer. */
function indexOf(sampleId: string): number | null {
  return /^\d+$/.test(sampleId) && Number.isSafeInteger(Number(sampleId)) ? Number(sampleId) : null;
}

/** Circular accuracy over samples whose ids are VLMEvalKit row indices: every pass right. */
export function circularAggregate(of: string): MetricAggregate {
  return {
    kind: 'all-in-group',
    of,
    groupOf: (id) => {
      const index = indexOf(id);
      return index === null ? null : String(circularGroupOf(index));
    },
  };
}

/** Accuracy on the first pass only (VLMEvalKit's "vanilla" accuracy of a circular benchmark). */
export function firstPassAggregate(of: string): MetricAggregate {
  return {
    kind: 'all-in-group',
    of,
    groupOf: (id) => {
      const index = indexOf(id);
      return index !== null && isFirstPass(index) ? id : null;
    },
  };
}
