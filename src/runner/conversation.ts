// Multi-turn samples (TaskSpec.followUp, Multi-IF): turn k+1 is asked once turn k is answered,
// with the model's earlier answers in its messages, and the whole conversation is one record line,
// scored once at the end. The conversations of one batch move on turn by turn together (one backend
// batch per turn), so a multi-turn task keeps the batching and concurrency of the others. Every
// turn has its own request key: the response cache keeps each, and a resumed run replays the
// turns it has instead of asking them again.
import { toSampleError, type Completion, type ConversationTurn, type Outcome, type SampleError, type SampleResult, type Timing } from '../core/index.ts';
import { followUpItem, type PreparedItem } from '../task/index.ts';
import { completionFields, sampleBase, scoreSafely } from './sample-result.ts';
import type { WorkItem } from './schedule.ts';

export interface Turn {
  item: PreparedItem;
  outcome: Outcome;
  /** The answer came from the response cache. */
  cached: boolean;
}

export interface Conversation {
  work: WorkItem;
  /** The turns asked so far, the first one being the work item's own request. */
  turns: Turn[];
  /** The task's followUp threw: the conversation ends with this error. */
  failure?: SampleError;
}

export interface ConversationIo {
  /** A cached answer to a request key. */
  lookup(key: string): Completion | undefined;
  /** Answers to the items' requests, in order; null when none can be had now (the run is stopping, or only the cache may answer). */
  send(items: PreparedItem[]): Promise<Outcome[] | null>;
  /** Keep a fresh answer (the response cache). */
  remember(key: string, outcome: Outcome): void;
}

export function isConversation(work: WorkItem): boolean {
  return work.task.spec.followUp !== undefined;
}

function answerText(outcome: Outcome): string {
  return outcome.ok && outcome.completion.kind === 'generate' ? outcome.completion.text : '';
}

/** The next turn to ask, or null when the conversation is over (no more turns, or the last one failed). */
function nextTurn(c: Conversation): PreparedItem | null {
  const last = c.turns[c.turns.length - 1];
  if (last === undefined || !last.outcome.ok || c.failure !== undefined) return null;
  try {
    return followUpItem(c.work.task, c.work.item, c.turns.map((t) => answerText(t.outcome)));
  } catch (err) {
    // A task bug building turn k+1 fails this conversation only, with its code.
    c.failure = { ...toSampleError(err), code: 'INTERNAL', message: `turn ${c.turns.length + 1}: ${(err as Error).message}` };
    return null;
  }
}

/**
 * Carry conversations on from their answered turns until each is over. Turns the cache holds are
 * taken from it; the others go to `send`, one batch per round. Conversations that `send` cannot
 * serve (null) come back unfinished: the caller drops them (a stopping run) or runs them later.
 */
export async function continueConversations(conversations: readonly Conversation[], io: ConversationIo): Promise<{ finished: Conversation[]; unfinished: Conversation[] }> {
  const finished: Conversation[] = [];
  let open = [...conversations];
  while (open.length > 0) {
    const asking: { conversation: Conversation; item: PreparedItem }[] = [];
    for (const c of open) {
      let item = nextTurn(c);
      while (item !== null) {
        const completion = io.lookup(item.request.key);
        if (completion === undefined) break;
        c.turns.push({ item, outcome: { ok: true, completion }, cached: true });
        item = nextTurn(c);
      }
      if (item === null) finished.push(c);
      else asking.push({ conversation: c, item });
    }
    if (asking.length === 0) break;
    const outcomes = await io.send(asking.map((a) => a.item));
    if (outcomes === null) return { finished, unfinished: asking.map((a) => a.conversation) };
    for (const [i, { conversation, item }] of asking.entries()) {
      const outcome = outcomes[i] ?? { ok: false as const, error: { code: 'INTERNAL', message: 'backend returned no outcome for this request', retryable: false } };
      io.remember(item.request.key, outcome);
      conversation.turns.push({ item, outcome, cached: false });
    }
    open = asking.map((a) => a.conversation);
  }
  return { finished, unfinished: [] };
}

function turnRecord(turn: Turn): ConversationTurn {
  const record: ConversationTurn = { requestKey: turn.item.request.key, prompt: turn.item.promptText };
  if (!turn.outcome.ok) {
    record.error = turn.outcome.error;
    if (turn.outcome.error.retries !== undefined) record.retries = turn.outcome.error.retries;
    return record;
  }
  const completion = turn.outcome.completion;
  const fields = completionFields(completion);
  if (fields !== undefined) record.completion = fields;
  record.timing = completion.timing;
  record.tokens = completion.tokens;
  if (completion.retries !== undefined) record.retries = completion.retries;
  if (turn.cached) record.cached = true;
  return record;
}

/** From the first turn's start to the last turn's end, with the first turn's queue time and TTFT. */
function spanOf(timings: readonly Timing[]): Timing | undefined {
  const first = timings[0];
  if (first === undefined) return undefined;
  const startedAt = Math.min(...timings.map((t) => t.startedAt));
  const endedAt = Math.max(...timings.map((t) => t.startedAt + t.totalMs));
  return { startedAt, queuedMs: first.queuedMs, ttftMs: first.ttftMs, totalMs: endedAt - startedAt, batchSize: first.batchSize };
}

/** The record line of a finished conversation (SampleResult.turns says how its fields read). */
export async function conversationResult(c: Conversation): Promise<SampleResult> {
  const { task, item } = c.work;
  const result = sampleBase(c.work);
  const turns = c.turns.map(turnRecord);
  const last = c.turns[c.turns.length - 1] as Turn;
  result.prompt = last.item.promptText;
  result.turns = turns;
  const answered = turns.filter((t) => t.tokens !== undefined);
  if (answered.length > 0) result.tokens = { prompt: answered.reduce((n, t) => n + (t.tokens?.prompt ?? 0), 0), generated: answered.reduce((n, t) => n + (t.tokens?.generated ?? 0), 0) };
  const timing = spanOf(turns.flatMap((t) => (t.timing === undefined ? [] : [t.timing])));
  if (timing !== undefined) result.timing = timing;
  const retries = turns.reduce((n, t) => n + (t.retries ?? 0), 0);
  if (retries > 0) result.retries = retries;
  if (c.turns.every((t) => t.cached)) result.cached = true;
  if (!last.outcome.ok) {
    result.error = { ...last.outcome.error, message: `turn ${c.turns.length}: ${last.outcome.error.message}` };
    return result;
  }
  if (c.failure !== undefined) {
    result.error = c.failure;
    return result;
  }
  const completion = last.outcome.completion;
  const fields = completionFields(completion);
  if (fields !== undefined) result.completion = fields;
  if (completion.images !== undefined) result.images = completion.images;
  // Every turn before the last was answered (a failed turn ends the conversation).
  const completions = c.turns.map((t) => (t.outcome.ok ? t.outcome.completion : completion));
  const { spec } = task;
  await scoreSafely(result, () => {
    if (spec.scoreConversation !== undefined) return spec.scoreConversation(item.sample, completions);
    return spec.scoreAsync === undefined ? spec.score(item.sample, completion) : spec.scoreAsync(item.sample, completion);
  });
  return result;
}
