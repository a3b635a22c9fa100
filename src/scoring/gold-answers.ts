// Several acceptable answers per question (DocVQA, OCRBench): the loader stores them in the
// sample's metadata as the JSON text of a list of strings, and the first one as the target.
import type { Sample } from '../core/index.ts';

/** All gold answers of a sample (metadata[key], a JSON list of strings); the target alone when absent or unreadable. */
export function goldAnswerList(sample: Sample, key = 'answers'): string[] {
  const raw = sample.metadata?.[key];
  if (typeof raw !== 'string') return [sample.target];
  try {
    const parsed: unknown = JSON.parse(raw);
    if (Array.isArray(parsed) && parsed.length > 0 && parsed.every((a) => typeof a === 'string')) return parsed as string[];
  } catch {
    // Not written by the task's loader: fall back to the target.
  }
  return [sample.target];
}
