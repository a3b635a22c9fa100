// Render chat messages with the model's own Jinja chat template (tokenizer_config.json), as
// Transformers' apply_chat_template does, so prompts match what the model was trained on.
import { Template } from '@huggingface/jinja';
import { ModelError, type Message } from '../core/index.ts';
import { specialTokenText } from './tokenizer.ts';

export interface ChatTemplate {
  render(messages: Message[], options?: { addGenerationPrompt?: boolean; enableThinking?: boolean }): string;
  /** The template reads `enable_thinking` (ERNIE 4.5 thinking models, Qwen3): thinking can be switched. */
  supportsThinking: boolean;
}

/**
 * What the template sees of a message's content: a string for text-only messages (what every text
 * template expects), the list of parts as Transformers passes them ({type: 'image'} | {type: 'text',
 * text}) when the message holds images, so a vision-language template can place its image tokens.
 */
function templateContent(message: Message): string | { type: string; text?: string }[] {
  if (typeof message.content === 'string') return message.content;
  if (!message.content.some((part) => part.type === 'image')) return message.content.map((part) => (part.type === 'text' ? part.text : '')).join('');
  return message.content.map((part) => (part.type === 'text' ? { type: 'text', text: part.text } : { type: 'image' }));
}

export function loadChatTemplate(configFile: string, tokenizerConfig: Record<string, unknown>): ChatTemplate | undefined {
  const source = tokenizerConfig['chat_template'];
  if (source === undefined || source === null) return undefined;
  if (typeof source !== 'string') {
    throw new ModelError('TOKENIZER', configFile, 'field "chat_template" must be a string (named templates are not supported yet)');
  }
  let template: Template;
  try {
    template = new Template(source);
  } catch (err) {
    throw new ModelError('TOKENIZER', configFile, `chat_template does not parse (${(err as Error).message})`);
  }
  const specials = {
    bos_token: specialTokenText(tokenizerConfig, 'bos_token') ?? '',
    eos_token: specialTokenText(tokenizerConfig, 'eos_token') ?? '',
  };
  return {
    supportsThinking: source.includes('enable_thinking'),
    render(messages, options = {}) {
      const context: Record<string, unknown> = {
        messages: messages.map((m) => ({ role: m.role, content: templateContent(m) })),
        add_generation_prompt: options.addGenerationPrompt ?? true,
        ...specials,
      };
      if (options.enableThinking !== undefined) context['enable_thinking'] = options.enableThinking;
      return template.render(context);
    },
  };
}
