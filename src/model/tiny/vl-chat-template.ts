// ERNIE-4.5-VL's chat template, behaviour for behaviour. The original is DEFAULT_CHAT_TEMPLATE in
// transformers' models/ernie4_5_vl/convert_ernie4_5_vl_to_hf.py (the template of the converted
// baidu/ERNIE-4.5-VL-*-PT checkpoints); this is our own rendering of the same rules:
//   - the conversation starts with cls_token (default "<|begin_of_sentence|>");
//   - a system message is its content + "\n"; a user turn is "User: " + content, with NO newline after
//     it (the next assistant turn or the generation prompt starts with "\n");
//   - content is a string, or a list of parts: {type:'text', text} renders its text, {type:'image'} (or
//     'image_url') renders "Picture N:<|IMAGE_START|><|IMAGE_PLACEHOLDER|><|IMAGE_END|>", N counting the
//     images of the whole conversation from 1; other parts (video) render nothing here;
//   - an assistant turn is "\nAssistant: " + content + sep_token (default "<|end_of_sentence|>"); its
//     reasoning — `reasoning_content`, or the text before "</think>" (after any "<think>") when the
//     content holds "</think>", newlines trimmed — if non-empty renders as
//     "\nAssistant: <think>\n" + reasoning + "\n</think>\n" + answer (leading newlines removed);
//   - other roles are dropped;
//   - unless add_generation_prompt is false, the prompt ends with "\nAssistant: " and then
//     enable_thinking true → "<think>" (the model writes its reasoning next);
//     enable_thinking false or undefined → "<think>\n\n</think>\n\n" (an empty, closed think block).
//     (An earlier revision of the same file defaulted to thinking when enable_thinking was undefined;
//     the current one, followed here, does not.)
// e.g. [{user [image, text "What is it?"]}], enable_thinking false →
//   "<|begin_of_sentence|>User: Picture 1:<|IMAGE_START|><|IMAGE_PLACEHOLDER|><|IMAGE_END|>What is it?\nAssistant: <think>\n\n</think>\n\n"
// Exactly one <|IMAGE_PLACEHOLDER|> (config.json's im_patch_id) per image: the backend repeats it once
// per image token (patches / 4), as transformers' Ernie4_5_VLProcessor does.
//
// baidu's own remote-code processor renders "<|image@placeholder|>" here instead and swaps it for the
// patch tokens itself; transformers' converted template (this one) writes the patch token directly.

import { CLS_TOKEN, SEP_TOKEN } from './chat-template.ts';

export const IMAGE_PLACEHOLDER_TOKEN = '<|IMAGE_PLACEHOLDER|>';
export const IMAGE_START_TOKEN = '<|IMAGE_START|>';
export const IMAGE_END_TOKEN = '<|IMAGE_END|>';
export const THINK_START_TOKEN = '<think>';
export const THINK_END_TOKEN = '</think>';

const IMAGE_MARKUP = `${IMAGE_START_TOKEN}${IMAGE_PLACEHOLDER_TOKEN}${IMAGE_END_TOKEN}`;

export const ERNIE_VL_CHAT_TEMPLATE = [
  '{%- if cls_token is not defined -%}{%- set cls_token = "' + CLS_TOKEN + '" -%}{%- endif -%}',
  '{%- if sep_token is not defined -%}{%- set sep_token = "' + SEP_TOKEN + '" -%}{%- endif -%}',
  '{%- set image_count = namespace(value=0) -%}',
  '{{- cls_token -}}',
  '{%- for message in messages -%}',
  '    {%- if message["role"] == "system" or message["role"] == "user" -%}',
  '        {%- if message["role"] == "user" -%}{{- "User: " -}}{%- endif -%}',
  '        {%- if message["content"] is string -%}',
  '            {{- message["content"] -}}',
  '        {%- else -%}',
  '            {%- for part in message["content"] -%}',
  '                {%- if part["type"] == "text" -%}',
  '                    {{- part["text"] -}}',
  '                {%- elif part["type"] == "image" or part["type"] == "image_url" -%}',
  '                    {%- set image_count.value = image_count.value + 1 -%}',
  '                    {{- "Picture " + (image_count.value | string) + ":' + IMAGE_MARKUP + '" -}}',
  '                {%- endif -%}',
  '            {%- endfor -%}',
  '        {%- endif -%}',
  '        {%- if message["role"] == "system" -%}{{- "\\n" -}}{%- endif -%}',
  '    {%- elif message["role"] == "assistant" -%}',
  '        {%- set answer = namespace(text="", reasoning="") -%}',
  '        {%- if message["content"] is string -%}',
  '            {%- set answer.text = message["content"] -%}',
  '        {%- elif message["content"] is not none -%}',
  '            {%- for part in message["content"] -%}',
  '                {%- if part["type"] == "text" -%}{%- set answer.text = answer.text + part["text"] -%}{%- endif -%}',
  '            {%- endfor -%}',
  '        {%- endif -%}',
  '        {%- if message["reasoning_content"] is string -%}{%- set answer.reasoning = message["reasoning_content"] -%}{%- endif -%}',
  '        {%- if "' + THINK_END_TOKEN + '" in answer.text -%}',
  '            {%- set answer.reasoning = answer.text.split("' + THINK_END_TOKEN + '")[0].rstrip("\\n").split("' + THINK_START_TOKEN + '")[-1].lstrip("\\n") -%}',
  '            {%- set answer.text = answer.text.split("' + THINK_END_TOKEN + '")[-1].lstrip("\\n") -%}',
  '        {%- endif -%}',
  '        {%- if answer.reasoning -%}',
  '            {{- "\\nAssistant: ' + THINK_START_TOKEN + '\\n" + answer.reasoning.strip("\\n") + "\\n' + THINK_END_TOKEN + '\\n" + answer.text.lstrip("\\n") -}}',
  '        {%- else -%}',
  '            {{- "\\nAssistant: " + answer.text -}}',
  '        {%- endif -%}',
  '        {{- sep_token -}}',
  '    {%- endif -%}',
  '{%- endfor -%}',
  '{%- if add_generation_prompt is not defined or add_generation_prompt -%}',
  '    {{- "\\nAssistant: " -}}',
  '    {%- if enable_thinking is defined and enable_thinking -%}',
  '        {{- "' + THINK_START_TOKEN + '" -}}',
  '    {%- else -%}',
  '        {{- "' + THINK_START_TOKEN + '\\n\\n' + THINK_END_TOKEN + '\\n\\n" -}}',
  '    {%- endif -%}',
  '{%- endif -%}',
].join('\n');
