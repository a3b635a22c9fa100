// ERNIE 4.5's chat template, behaviour for behaviour. The original is the `chat_template` of the
// baidu/ERNIE-4.5-*-PT tokenizer_config.json files (DEFAULT_CHAT_TEMPLATE in transformers'
// models/ernie4_5/convert_ernie4_5_tokenizer.py); this is our own rendering of the same rules:
//   - the conversation starts with cls_token (default "<|begin_of_sentence|>");
//   - a system message is its content + "\n"; a user turn is "User: " + content + "\n";
//   - an assistant turn is "Assistant: " + content + sep_token (default "<|end_of_sentence|>");
//   - other roles are dropped;
//   - the generation prompt "Assistant: " is added unless add_generation_prompt is explicitly false.
// e.g. [{system "Be brief."}, {user "Hi"}] → "<|begin_of_sentence|>Be brief.\nUser: Hi\nAssistant: "

export const CLS_TOKEN = '<|begin_of_sentence|>';
export const SEP_TOKEN = '<|end_of_sentence|>';

export const ERNIE_CHAT_TEMPLATE = [
  '{%- if add_generation_prompt is not defined -%}{%- set add_generation_prompt = true -%}{%- endif -%}',
  `{%- if cls_token is not defined -%}{%- set cls_token = "${CLS_TOKEN}" -%}{%- endif -%}`,
  `{%- if sep_token is not defined -%}{%- set sep_token = "${SEP_TOKEN}" -%}{%- endif -%}`,
  '{{- cls_token -}}',
  '{%- for message in messages -%}',
  '    {%- if message["role"] == "system" -%}',
  '        {{- message["content"] + "\\n" -}}',
  '    {%- elif message["role"] == "user" -%}',
  '        {{- "User: " + message["content"] + "\\n" -}}',
  '    {%- elif message["role"] == "assistant" -%}',
  '        {{- "Assistant: " + message["content"] + sep_token -}}',
  '    {%- endif -%}',
  '{%- endfor -%}',
  '{%- if add_generation_prompt -%}{{- "Assistant: " -}}{%- endif -%}',
].join('\n');
