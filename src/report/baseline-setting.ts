// Published numbers are only comparable with a run that used the same protocol (baselines
// README, caveat 1: DeepSeek-V3-Base GSM8K is 89.3 at 8-shot in DeepSeek's README but 87.57 at
// 4-shot CoT in Qwen3's report). Sources state the setting as free text, so we read the few
// facts that decide comparability out of it and leave everything else to the reader.
import type { ParsedSetting, SettingMatch } from './report-model.ts';

/** Shots, chain of thought and thinking mode, where the text states them. */
export function parseSetting(text: string): ParsedSetting {
  const out: ParsedSetting = {};
  const shots = /(\d+)\s*-?\s*shots?\b/i.exec(text);
  if (shots !== null) out.shots = Number(shots[1]);
  else if (/\bzero[- ]shot\b/i.test(text)) out.shots = 0;
  if (/\b(?:w\/o|without|no)\s+CoT\b/i.test(text)) out.chainOfThought = false;
  else if (/\bCoT\b|chain[- ]of[- ]thought/i.test(text)) out.chainOfThought = true;
  if (/\bnon[- ]thinking\b/i.test(text)) out.thinking = false;
  else if (/\bthinking\b/i.test(text)) out.thinking = true;
  return out;
}

/** The protocol a run used for a task (manifest.tasks[id].protocol, plus thinking when known). */
export interface RunSetting {
  shots: number;
  chainOfThought: boolean;
  thinking?: boolean;
}

const RANK: Record<SettingMatch, number> = { exact: 2, close: 1, different: 0 };

export function settingRank(m: SettingMatch): number {
  return RANK[m];
}

/**
 * exact: every fact we compare is stated and equal; different: a stated fact contradicts the
 * run; close: nothing contradicts but something is not stated (the reader should check).
 */
export function matchSetting(run: RunSetting, published: ParsedSetting): { match: SettingMatch; reason: string } {
  const agree: string[] = [];
  const differ: string[] = [];
  const unknown: string[] = [];
  if (published.shots === undefined) unknown.push('shots not stated');
  else if (published.shots === run.shots) agree.push(`${run.shots}-shot`);
  else differ.push(`${published.shots}-shot vs our ${run.shots}-shot`);
  const cot = (b: boolean): string => (b ? 'CoT' : 'no CoT');
  if (published.chainOfThought === undefined) unknown.push('CoT not stated');
  else if (published.chainOfThought === run.chainOfThought) agree.push(cot(run.chainOfThought));
  else differ.push(`${cot(published.chainOfThought)} vs our ${cot(run.chainOfThought)}`);
  // Thinking only counts where both sides state it: most base-model tables have no such mode.
  if (published.thinking !== undefined && run.thinking !== undefined) {
    const mode = (b: boolean): string => (b ? 'thinking' : 'non-thinking');
    if (published.thinking === run.thinking) agree.push(mode(run.thinking));
    else differ.push(`${mode(published.thinking)} vs our ${mode(run.thinking)}`);
  }
  const parts = [...differ, ...agree.map((a) => `${a} matches`), ...unknown];
  const match: SettingMatch = differ.length > 0 ? 'different' : unknown.length > 0 ? 'close' : 'exact';
  return { match, reason: parts.join('; ') };
}
