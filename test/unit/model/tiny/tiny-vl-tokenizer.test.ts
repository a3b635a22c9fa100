// The tiny ERNIE-4.5-VL tokenizer (text vocabulary + image and thinking tokens) and its chat template:
// one <|IMAGE_PLACEHOLDER|> (im_patch_id) per image, "Picture N:" numbering, both thinking modes.

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Template } from '@huggingface/jinja';
import { Tokenizer } from '@huggingface/tokenizers';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../../../src/core/index.ts';
import { loadChatTemplate } from '../../../../src/model/chat-template.ts';
import { CLS_TOKEN, makeTinyModel, SEP_TOKEN, TINY_VL_VOCAB_SIZE, TINY_VOCAB_SIZE, tinySpecialTokenIds, tinyVlTokenIds } from '../../../../src/model/tiny/index.ts';
import { cleanupTempDirs, tempDir } from './tiny-fixture.ts';

cleanupTempDirs();

type TokenizerJson = { model: { vocab: Record<string, number> }; added_tokens: { id: number; content: string; special: boolean }[] };
let tokenizer: Tokenizer;
let vlJson: TokenizerJson;
let textJson: TokenizerJson;
let tokenizerConfig: Record<string, unknown>;
let imPatchId: number;

beforeAll(async () => {
  const [vlDir, textDir] = [await tempDir(), await tempDir()];
  await makeTinyModel({ arch: 'ernie4_5_vl', outDir: vlDir });
  await makeTinyModel({ arch: 'ernie4_5', outDir: textDir });
  const read = async (dir: string, f: string) => JSON.parse(await readFile(join(dir, f), 'utf8')) as unknown;
  vlJson = (await read(vlDir, 'tokenizer.json')) as TokenizerJson;
  textJson = (await read(textDir, 'tokenizer.json')) as TokenizerJson;
  tokenizerConfig = (await read(vlDir, 'tokenizer_config.json')) as Record<string, unknown>;
  imPatchId = ((await read(vlDir, 'config.json')) as { im_patch_id: number }).im_patch_id;
  tokenizer = new Tokenizer(vlJson, tokenizerConfig);
});

const IMAGE = '<|IMAGE_START|><|IMAGE_PLACEHOLDER|><|IMAGE_END|>';
const render = (context: Record<string, unknown>) => new Template(tokenizerConfig['chat_template'] as string).render({ bos_token: '<s>', eos_token: '</s>', ...context });
const user = (...parts: ({ type: 'image' } | { type: 'text'; text: string })[]) => ({ role: 'user', content: parts });

describe('tiny VL tokenizer', () => {
  it('is the text vocabulary plus image and thinking tokens at 1024..1028', () => {
    expect(tokenizer.get_vocab(true).size).toBe(TINY_VL_VOCAB_SIZE);
    for (const [token, id] of Object.entries(textJson.model.vocab)) expect(vlJson.model.vocab[token], token).toBe(id);
    expect(tinyVlTokenIds()).toEqual({ imagePlaceholder: TINY_VOCAB_SIZE, imageStart: TINY_VOCAB_SIZE + 1, imageEnd: TINY_VOCAB_SIZE + 2, thinkStart: TINY_VOCAB_SIZE + 3, thinkEnd: TINY_VOCAB_SIZE + 4 });
    expect(imPatchId).toBe(tinyVlTokenIds().imagePlaceholder);
    expect(vlJson.added_tokens.filter((t) => !t.special).map((t) => t.content)).toEqual(['<think>', '</think>']);
    expect(tokenizerConfig['additional_special_tokens']).toEqual(['<|IMAGE_PLACEHOLDER|>', '<|IMAGE_START|>', '<|IMAGE_END|>']);
  });

  it('encodes the image and thinking markers as single tokens; decoding without specials keeps the thinking ones', () => {
    const ids = tinyVlTokenIds();
    const text = `Picture 1:${IMAGE}Hi<think>\nhm\n</think>\n\nok`;
    const encoded = tokenizer.encode(text).ids;
    expect(encoded.filter((id: number) => id >= TINY_VOCAB_SIZE)).toEqual([ids.imageStart, ids.imagePlaceholder, ids.imageEnd, ids.thinkStart, ids.thinkEnd]);
    expect(tokenizer.decode(encoded)).toBe(text);
    expect(tokenizer.decode(encoded, { skip_special_tokens: true })).toBe('Picture 1:Hi<think>\nhm\n</think>\n\nok');
  });
});

describe('ERNIE-4.5-VL chat template', () => {
  it('renders images as "Picture N:" + one placeholder, and closes an empty think block by default', () => {
    const out = render({ messages: [user({ type: 'image' }, { type: 'text', text: 'What is it?' })] });
    expect(out).toBe(`${CLS_TOKEN}User: Picture 1:${IMAGE}What is it?\nAssistant: <think>\n\n</think>\n\n`);
    const ids = tokenizer.encode(out).ids;
    expect(ids.filter((id: number) => id === imPatchId)).toHaveLength(1);
    expect(ids[0]).toBe(tinySpecialTokenIds().cls);
  });

  it('enable_thinking true opens the think block; false closes an empty one', () => {
    const messages = [user({ type: 'text', text: 'Hi' })];
    expect(render({ messages, enable_thinking: true })).toBe(`${CLS_TOKEN}User: Hi\nAssistant: <think>`);
    expect(render({ messages, enable_thinking: false })).toBe(`${CLS_TOKEN}User: Hi\nAssistant: <think>\n\n</think>\n\n`);
    expect(render({ messages, add_generation_prompt: false, enable_thinking: true })).toBe(`${CLS_TOKEN}User: Hi`);
  });

  it('numbers images over the whole conversation and renders system, history and string content', () => {
    const messages = [
      { role: 'system', content: 'Be brief.' },
      user({ type: 'text', text: 'Compare ' }, { type: 'image' }, { type: 'text', text: ' and ' }, { type: 'image' }),
      { role: 'assistant', content: 'The first.' },
      { role: 'user', content: [{ type: 'image_url' }, { type: 'video' }, { type: 'text', text: 'And this?' }] },
      { role: 'tool', content: 'dropped' },
    ];
    expect(render({ messages, enable_thinking: false })).toBe(
      `${CLS_TOKEN}Be brief.\nUser: Compare Picture 1:${IMAGE} and Picture 2:${IMAGE}\nAssistant: The first.${SEP_TOKEN}` +
        `User: Picture 3:${IMAGE}And this?\nAssistant: <think>\n\n</think>\n\n`,
    );
  });

  it('renders an assistant turn\'s reasoning (inline <think> or reasoning_content) in a think block', () => {
    const history = (assistant: Record<string, unknown>) => render({ messages: [{ role: 'user', content: 'Q' }, { role: 'assistant', ...assistant }], add_generation_prompt: false });
    const expected = `${CLS_TOKEN}User: Q\nAssistant: <think>\nstep 1\n</think>\nA${SEP_TOKEN}`;
    expect(history({ content: '<think>\nstep 1\n</think>\n\nA' })).toBe(expected);
    expect(history({ content: 'A', reasoning_content: '\nstep 1\n' })).toBe(expected);
    expect(history({ content: [{ type: 'text', text: 'A' }] })).toBe(`${CLS_TOKEN}User: Q\nAssistant: A${SEP_TOKEN}`);
  });

  it('renders the harness\'s image messages (src/model/chat-template.ts) the same way', () => {
    const template = loadChatTemplate('tokenizer_config.json', tokenizerConfig);
    const messages: Message[] = [{ role: 'user', content: [{ type: 'image', source: { kind: 'path', path: '/x.png' } }, { type: 'text', text: 'Count.' }] }];
    expect(template?.render(messages, { enableThinking: true })).toBe(`${CLS_TOKEN}User: Picture 1:${IMAGE}Count.\nAssistant: <think>`);
    expect(template?.render([{ role: 'user', content: 'Hi' }])).toBe(`${CLS_TOKEN}User: Hi\nAssistant: <think>\n\n</think>\n\n`);
  });
});
