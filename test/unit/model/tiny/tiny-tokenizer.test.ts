import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLS_TOKEN, makeTinyModel, SEP_TOKEN, TINY_VOCAB_SIZE, tinySpecialTokenIds } from '../../../../src/model/tiny/index.ts';
import { cleanupTempDirs, tempDir } from './tiny-fixture.ts';

cleanupTempDirs();

let tokenizer: Tokenizer;
let tokenizerJson: { model: { vocab: Record<string, number>; merges: string[] }; added_tokens: { id: number; content: string; special: boolean }[] };
let tokenizerConfig: Record<string, unknown>;
let config: { vocab_size: number; max_position_embeddings: number };

beforeAll(async () => {
  const dir = await tempDir();
  await makeTinyModel({ arch: 'ernie4_5', outDir: dir });
  const read = async (f: string) => JSON.parse(await readFile(join(dir, f), 'utf8')) as unknown;
  tokenizerJson = (await read('tokenizer.json')) as typeof tokenizerJson;
  tokenizerConfig = (await read('tokenizer_config.json')) as typeof tokenizerConfig;
  config = (await read('config.json')) as typeof config;
  tokenizer = new Tokenizer(tokenizerJson, tokenizerConfig);
});

describe('tiny tokenizer', () => {
  it('is a byte-level BPE whose size is config.json vocab_size', () => {
    const ids = new Set(Object.values(tokenizerJson.model.vocab));
    expect(ids.size).toBe(TINY_VOCAB_SIZE);
    expect(Math.max(...ids)).toBe(TINY_VOCAB_SIZE - 1);
    expect(config.vocab_size).toBe(TINY_VOCAB_SIZE);
    expect(tokenizer.get_vocab(true).size).toBe(TINY_VOCAB_SIZE);
    expect(tokenizerJson.model.merges.length).toBeGreaterThanOrEqual(700);
    // All 256 byte symbols are tokens, so nothing is ever unknown.
    expect(Object.keys(tokenizerJson.model.vocab).filter((t) => [...t].length === 1).length).toBeGreaterThanOrEqual(256);
  });

  it.each([
    'Question: What is 12 + 7?\nAnswer: The answer is 19.',
    'User: Hello!\nAssistant: Hi, how can I help?',
    '中文测试：文心一言，ERNIE 4.5。',
    'emoji 🤖🎉 and 👩‍👩‍👧 family',
    '  leading spaces,\ttabs\t\tand\n\nblank lines\n',
    'accents: café naïve Ærøskøbing; symbols: ∑ ≤ ∞ → €',
  ])('round-trips %j', (text) => {
    const { ids } = tokenizer.encode(text);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.every((id: number) => id >= 0 && id < TINY_VOCAB_SIZE)).toBe(true);
    expect(tokenizer.decode(ids)).toBe(text);
  });

  it('learned the common prompt pieces as single tokens', () => {
    for (const piece of ['Question', 'Answer', 'ĠThe', 'Ġanswer', 'User', 'Assistant']) expect(tokenizerJson.model.vocab[piece], piece).toBeTypeOf('number');
    expect(tokenizer.encode('The answer is').ids).toHaveLength(3);
  });

  it('recognises special tokens in text and can skip them when decoding', () => {
    const ids = tinySpecialTokenIds();
    expect(ids).toEqual({ unk: 0, bos: 1, eos: 2, pad: 0, cls: TINY_VOCAB_SIZE - 2, sep: TINY_VOCAB_SIZE - 1 });
    const text = `${CLS_TOKEN}User: hi\nAssistant: hello${SEP_TOKEN}</s>`;
    const encoded = tokenizer.encode(text);
    expect(encoded.ids[0]).toBe(ids.cls);
    expect(encoded.ids.slice(-2)).toEqual([ids.sep, ids.eos]);
    expect(tokenizer.decode(encoded.ids)).toBe(text);
    expect(tokenizer.decode(encoded.ids, { skip_special_tokens: true })).toBe('User: hi\nAssistant: hello');
    for (const t of tokenizerJson.added_tokens) expect(t.special).toBe(true);
    // ERNIE adds no BOS when encoding: the chat template supplies <|begin_of_sentence|>.
    expect(tokenizer.encode('hi').ids).toEqual(tokenizer.encode('hi', { add_special_tokens: false }).ids);
  });

  it('has ERNIE tokenizer_config fields', () => {
    expect(tokenizerConfig).toMatchObject({
      bos_token: '<s>',
      eos_token: '</s>',
      unk_token: '<unk>',
      pad_token: '<unk>',
      cls_token: CLS_TOKEN,
      sep_token: SEP_TOKEN,
      add_bos_token: false,
      model_max_length: config.max_position_embeddings,
    });
  });
});

describe('ERNIE chat template', () => {
  const render = (context: Record<string, unknown>) => new Template(tokenizerConfig['chat_template'] as string).render({ bos_token: '<s>', eos_token: '</s>', ...context });

  it('renders plain User:/Assistant: turns between ERNIE sentence markers', () => {
    const messages = [
      { role: 'system', content: 'You are a helpful assistant.' },
      { role: 'user', content: 'What is 2 + 2?' },
      { role: 'assistant', content: '4' },
      { role: 'user', content: 'And 3 + 3?' },
    ];
    expect(render({ messages, add_generation_prompt: true })).toBe(
      `${CLS_TOKEN}You are a helpful assistant.\nUser: What is 2 + 2?\nAssistant: 4${SEP_TOKEN}User: And 3 + 3?\nAssistant: `,
    );
    expect(render({ messages: messages.slice(1, 2), add_generation_prompt: false })).toBe(`${CLS_TOKEN}User: What is 2 + 2?\n`);
  });

  it('adds the generation prompt by default, as ERNIE\'s template does', () => {
    expect(render({ messages: [{ role: 'user', content: 'Hi' }] })).toBe(`${CLS_TOKEN}User: Hi\nAssistant: `);
  });

  it('uses cls_token / sep_token when the caller passes them', () => {
    const out = render({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Yo' }], cls_token: '[C]', sep_token: '[S]', add_generation_prompt: false });
    expect(out).toBe('[C]User: Hi\nAssistant: Yo[S]');
  });

  it('renders to text that tokenizes with the sentence markers as single special tokens', () => {
    const ids = tinySpecialTokenIds();
    const encoded = tokenizer.encode(render({ messages: [{ role: 'user', content: 'Hi' }, { role: 'assistant', content: 'Yo' }], add_generation_prompt: false }));
    expect(encoded.ids[0]).toBe(ids.cls);
    expect(encoded.ids.at(-1)).toBe(ids.sep);
  });
});
