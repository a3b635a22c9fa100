import { mkdtemp, writeFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Sample } from '../../src/core/index.ts';
import hellaswag from '../../tasks/hellaswag/task.ts';
import { capitalize, preprocess } from '../../tasks/hellaswag/load.ts';
import { generated, loglik } from '../support/completions.ts';

describe('hellaswag task: bundled fixtures, preprocessing and prompt', () => {
  // Expected strings printed by lm-eval's utils.preprocess / process_docs run in CPython.
  it('preprocesses contexts and endings as lm-eval (ctx_b capitalised, [title] and [bracket] artifacts removed)', async () => {
    const data = await hellaswag.load(hellaswag.data.bundledDir);
    expect(data.samples.map((s) => s.input)).toEqual([
      'Washing dishes: A man stands at a kitchen sink full of soapy water. He picks up a plate and scrubs it with a sponge. He',
      'Home and Garden: How to water a cactus. Check the soil first. Push a finger into the soil. If',
      'Playing guitar: A girl sits on a stool holding an acoustic guitar. She tunes the strings while looking at a phone. She',
      'Personal Care and Style: How to tie a tie. Drape the tie around your neck. Let the wide end hang lower than the narrow end. Cross',
    ]);
    expect(data.samples[1]?.choices?.[1]).toBe('the soil is dry to the first knuckle, it is time to water. Water slowly until it drains.');
    expect(data.samples.map((s) => s.targetIndex)).toEqual([0, 1, 2, 3]);
    expect(data.fewshot).toHaveLength(12);
    expect(capitalize('cROSS the')).toBe('Cross the');
    expect(preprocess('  a [title] b [step] c  [x]d ')).toBe('a. b c d');
  });

  it('draws 10 shots per question as lm-eval does: Random(1234).sample(train, 11)[:10], in file order', async () => {
    const data = await hellaswag.load(hellaswag.data.bundledDir);
    // CPython: r = random.Random(1234); [r.sample(range(12), 11)[:10] for _ in range(4)]
    expect(data.samples.map((s) => s.metadata?.['shots'])).toEqual([
      '7,1,0,10,9,5,6,11,4,8',
      '0,11,10,5,7,4,3,1,9,8',
      '0,8,7,3,1,5,4,10,11,2',
      '8,9,0,4,1,5,2,3,6,7',
    ]);
    const request = hellaswag.buildRequest(data.samples[0] as Sample, data);
    if (request.kind !== 'loglikelihood') throw new Error('expected a log-likelihood request');
    // The whole context as lm-eval builds it, computed in CPython from the fixture files.
    expect(request.context).toBe(
      'Playing chess: Two men sit at a table with a chessboard between them. One moves a pawn two squares forward.\n\n' +
        'Baking cookies: A woman mixes flour, butter and sugar in a bowl. She scoops balls of dough onto a baking tray.\n\n' +
        'Running a marathon: Runners line up at the start of a city race. The starting gun fires and they set off down the street.\n\n' +
        'Raking leaves: Leaves cover a lawn in autumn. A girl rakes the leaves into a pile.\n\n' +
        'Food and Entertaining: How to make tea. Boil fresh water. Use filtered water if you can. Pour the hot water over the tea bag and let it steep.\n\n' +
        'Shoveling snow: Snow covers a driveway in front of a house. A man pushes a shovel through the snow and clears a path.\n\n' +
        'Brushing teeth: A child squeezes toothpaste onto a brush. He brushes his teeth in small circles.\n\n' +
        'Ironing clothes: A man lays a wrinkled shirt on an ironing board. He runs a hot iron over the shirt to smooth it.\n\n' +
        "Walking the dog: A woman clips a leash onto her dog's collar. They head out the door for a walk around the block.\n\n" +
        'Home and Garden: How to plant tulips. Pick a sunny spot. Tulips need six hours of sun. Dig holes about eight inches deep for the bulbs.\n\n' +
        'Washing dishes: A man stands at a kitchen sink full of soapy water. He picks up a plate and scrubs it with a sponge. He',
    );
    expect(request.context.split('\n\n')).toHaveLength(11);
    expect(request.continuations).toEqual([
      ' rinses the plate under the tap and sets it on the rack.',
      ' throws the plate into the oven and closes the door.',
      ' paints the sponge blue and hangs it on the wall.',
      ' dives into the sink and swims away.',
    ]);
  });
});

describe('hellaswag scoring', () => {
  const s: Sample = { id: 't', input: 'q', target: '1', targetIndex: 1, choices: ['a b c d e f', 'xy', 'p', 'longer ending here'] };

  it('acc takes the highest log-likelihood, acc_norm divides by ending length in characters', () => {
    // Raw and per character (-4/18 = -0.22), index 3 wins.
    expect(hellaswag.score(s, loglik([-20, -6, -9, -4])).values).toEqual({ acc: 0, acc_norm: 0 });
    expect(hellaswag.score(s, loglik([-20, -1, -9, -40])).values).toEqual({ acc: 1, acc_norm: 1 });
    // Raw favours the one-character ending "p" (-2); per character "xy" wins (-3/2 = -1.5 > -2/1).
    const r = hellaswag.score(s, loglik([-20, -3, -2, -36]));
    expect(r.values).toEqual({ acc: 0, acc_norm: 1 });
    expect(r.extracted).toEqual({ acc: '2', acc_norm: '1' });
  });

  it('odd completions are wrong answers, not exceptions', () => {
    expect(hellaswag.score(s, loglik([-1, -2])).values).toEqual({ acc: 0, acc_norm: 0 });
    expect(hellaswag.score(s, generated('B')).values).toEqual({ acc: 0, acc_norm: 0 });
  });
});

describe('hellaswag task: malformed input', () => {
  async function copyWith(file: string, text: string): Promise<string> {
    const dir = await mkdtemp(path.join(tmpdir(), 'hellaswag-'));
    await cp(hellaswag.data.bundledDir, dir, { recursive: true });
    await writeFile(path.join(dir, file), text);
    return dir;
  }

  it('a label outside the endings, or three endings, names the line', async () => {
    const bad = JSON.stringify({ activity_label: 'x', ctx_a: 'a', ctx_b: 'b', label: 4, endings: ['1', '2', '3', '4'] });
    await expect(hellaswag.load(await copyWith('hellaswag_val.jsonl', `${bad}\n`))).rejects.toThrow(/hellaswag_val\.jsonl:1: expected 4 endings and a label 0-3, found 4 endings and label 4/);
    const three = JSON.stringify({ activity_label: 'x', ctx_a: 'a', ctx_b: 'b', label: '0', endings: ['1', '2', '3'] });
    await expect(hellaswag.load(await copyWith('hellaswag_val.jsonl', `\n${three}\n`))).rejects.toThrow(/hellaswag_val\.jsonl:2: expected 4 endings/);
  });

  it('a training split too small to draw 11 shots from, and a missing file', async () => {
    const one = JSON.stringify({ activity_label: 'x', ctx_a: 'a', ctx_b: 'b', label: 0, endings: ['1', '2', '3', '4'] });
    await expect(hellaswag.load(await copyWith('hellaswag_train.jsonl', `${one}\n`))).rejects.toThrow(/hellaswag_train\.jsonl: has 1 records, 10-shot prompts draw 11/);
    await expect(hellaswag.load(await mkdtemp(path.join(tmpdir(), 'hellaswag-')))).rejects.toMatchObject({ code: 'DATA_MISSING' });
  });
});
