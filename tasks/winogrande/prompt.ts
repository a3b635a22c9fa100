// lm-eval's `winogrande` (lm_eval/tasks/winogrande/default.yaml + preprocess_winogrande.py,
// version 1.0) uses "partial evaluation": each option fills the blank, and only the rest of the
// sentence is scored, in the context of the sentence up to the filled blank:
//   context_i    = shots + sentence[:blank] + option_i
//   continuation = " " + sentence[blank+1:].strip()
// A shot is the sentence with its gold option filled in, the same way, then "\n\n".
//
// The request type has one context per request, and the two options need two contexts. By the
// chain rule, log P(" rest" | prefix + option) = log P(option + " rest" | prefix) − log P(option | prefix),
// so one request with the shared prefix as context and four continuations
// [option1 + " rest", option2 + " rest", option1, option2] gives lm-eval's two scores as
// differences. Backends encode the whole text and split at the context's tokens (as lm-eval
// does), so the difference sums exactly the tokens lm-eval sums whenever the tokens of
// prefix + option are a prefix of the tokens of the whole sentence, the same assumption lm-eval's
// own split makes.
import { DataError, type Sample } from '../../src/core/index.ts';

interface Split {
  prefix: string;
  rest: string;
}

export function splitAtBlank(sentence: string): Split {
  const blank = sentence.indexOf('_');
  return { prefix: sentence.slice(0, blank), rest: sentence.slice(blank + 1).trim() };
}

function shotText(shot: Sample): string {
  const { prefix, rest } = splitAtBlank(shot.input);
  return `${prefix}${shot.choices?.[shot.targetIndex ?? 0] ?? ''} ${rest}\n\n`;
}

export function renderShots(sample: Sample, pool: readonly Sample[]): string {
  const indices = String(sample.metadata?.['shots'] ?? '').split(',').filter((s) => s !== '').map(Number);
  return indices
    .map((i) => {
      const shot = pool[i];
      if (shot === undefined) throw new DataError(sample.origin?.file ?? sample.id, sample.origin?.line, `few-shot index ${i} is outside the training split`);
      return shotText(shot);
    })
    .join('');
}

export function buildWinograndeRequest(sample: Sample, pool: readonly Sample[]): { context: string; continuations: string[] } {
  const { prefix, rest } = splitAtBlank(sample.input);
  const [option1 = '', option2 = ''] = sample.choices ?? [];
  return {
    context: renderShots(sample, pool) + prefix,
    continuations: [`${option1} ${rest}`, `${option2} ${rest}`, option1, option2],
  };
}
