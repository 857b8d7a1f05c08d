import { z } from 'zod';
import { callProvider, type CallPolicy } from '../http/call-provider';
import { createCircuitBreaker } from '../http/circuit-breaker';
import { readProviderJson } from '../http/read-provider-json';
import type { Completion, NoteWriter } from './note-writer';

const messagesResponse = z.object({
  model: z.string().optional(),
  content: z.array(
    z.discriminatedUnion('type', [
      z.object({ type: z.literal('text'), text: z.string() }),
      z.object({ type: z.literal('tool_use'), name: z.string(), input: z.unknown() }),
    ]),
  ),
  usage: z.object({ input_tokens: z.number(), output_tokens: z.number() }).optional(),
});

export interface AnthropicNoteWriterOptions {
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
  maxTokens: number;
}

const apiVersion = '2023-06-01';

/**
 * Anthropic's Messages API. Structured output is a forced tool call whose input schema is the
 * note's schema: the model must answer by "calling" it with a conforming object.
 */
export function createAnthropicNoteWriter(options: AnthropicNoteWriterOptions): NoteWriter {
  const provider = 'Anthropic';
  const policy: CallPolicy = {
    breaker: createCircuitBreaker(provider, { failureThreshold: 5, cooldownMs: 30_000 }),
    provider,
    timeoutMs: options.timeoutMs,
    retries: 2,
    maxRetryAfterMs: 30_000,
  };
  const url = `${options.baseUrl.replace(/\/+$/, '')}/messages`;

  return {
    name: 'anthropic',
    async complete({ messages, jsonSchema, signal }): Promise<Completion> {
      const system = messages
        .filter((message) => message.role === 'system')
        .map((message) => message.content)
        .join('\n\n');
      const conversation = messages.filter((message) => message.role !== 'system');
      const body = {
        model: options.model,
        max_tokens: options.maxTokens,
        temperature: 0,
        ...(system ? { system } : {}),
        messages: conversation.map((message) => ({ role: message.role, content: message.content })),
        ...(jsonSchema
          ? {
              tools: [
                { name: jsonSchema.name, description: 'Record the answer.', input_schema: jsonSchema.schema },
              ],
              tool_choice: { type: 'tool', name: jsonSchema.name },
            }
          : {}),
      };
      const response = await callProvider(
        policy,
        (attemptSignal) =>
          fetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'anthropic-version': apiVersion,
              ...(options.apiKey ? { 'x-api-key': options.apiKey } : {}),
            },
            body: JSON.stringify(body),
            signal: attemptSignal,
          }),
        signal,
      );
      const parsed = await readProviderJson(response, messagesResponse, policy.provider, 'a message');
      const toolUse = parsed.content.find((block) => block.type === 'tool_use');
      const text = jsonSchema
        ? toolUse
          ? JSON.stringify(toolUse.input)
          : ''
        : parsed.content.map((block) => (block.type === 'text' ? block.text : '')).join('');
      return {
        text,
        model: parsed.model ?? options.model,
        usage: {
          inputTokens: parsed.usage?.input_tokens ?? 0,
          outputTokens: parsed.usage?.output_tokens ?? 0,
        },
      };
    },
  };
}
