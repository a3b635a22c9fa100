// lm-evaluation-harness post-processes every generation before its filters: the text is cut at the
// first stop sequence. Backends stop there already; cutting again keeps scores right for servers
// that ignore `stop` or return the stop string itself.
import { stripThinking } from './strip-thinking.ts';

/** The text up to the earliest occurrence of any stop sequence (all of it when none occurs). */
export function cutAtFirstStop(text: string, stops: readonly string[]): string {
  let end = text.length;
  for (const stop of stops) {
    const at = stop === '' ? -1 : text.indexOf(stop);
    if (at !== -1 && at < end) end = at;
  }
  return text.slice(0, end);
}

/** What answer extraction sees: thinking removed, then cut at the first stop sequence. */
export function answerText(raw: string, stops: readonly string[]): string {
  return cutAtFirstStop(stripThinking(raw), stops);
}
