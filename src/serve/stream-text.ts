// Turns "the whole text so far", which the worker reports after every token, into the deltas a
// stream sends. Two tails are held back because a later token may still change them:
//   - a trailing U+FFFD: a character whose bytes span tokens is not complete yet;
//   - a tail that starts a stop string: if the stop string completes, generation cuts the text
//     before it, and a client must never have received what the final answer does not contain.
// So the concatenated deltas equal the non-streamed text.

const REPLACEMENT = '\uFFFD';

/** Length of the longest suffix of `text` that is a proper prefix of one of the stop strings. */
function stopPrefixTail(text: string, stops: string[]): number {
  let longest = 0;
  for (const stop of stops) {
    for (let n = Math.min(stop.length - 1, text.length); n > longest; n--) {
      if (text.endsWith(stop.slice(0, n))) {
        longest = n;
        break;
      }
    }
  }
  return longest;
}

export class StreamedText {
  private sent = '';
  private readonly stops: string[];

  constructor(stops: string[]) {
    this.stops = stops;
  }

  get text(): string {
    return this.sent;
  }

  /** The new text that is safe to send now ('' when nothing is). */
  update(text: string): string {
    let safe = text;
    while (safe.endsWith(REPLACEMENT)) safe = safe.slice(0, -1);
    safe = safe.slice(0, safe.length - stopPrefixTail(safe, this.stops));
    if (safe.length <= this.sent.length || !safe.startsWith(this.sent)) return '';
    const delta = safe.slice(this.sent.length);
    this.sent = safe;
    return delta;
  }

  /**
   * What is left to send once the final text is known. Should an earlier delta not be a prefix of
   * the final text (a tokenizer whose decode is not prefix-stable), the rest cannot be expressed
   * as an append; `consistent` says so and the caller reports it.
   */
  finish(finalText: string): { delta: string; consistent: boolean } {
    if (!finalText.startsWith(this.sent)) return { delta: '', consistent: false };
    const delta = finalText.slice(this.sent.length);
    this.sent = finalText;
    return { delta, consistent: true };
  }
}
