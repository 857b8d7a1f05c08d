import { z } from 'zod';
import { callProvider, type CallPolicy } from '../http/call-provider';
import { createCircuitBreaker } from '../http/circuit-breaker';
import { ProviderError } from '../http/provider-error';
import { readProviderJson } from '../http/read-provider-json';
import type { ChatMessage, Completion, NoteWriter } from './note-writer';

const chatResponse = z.object({
  model: z.string().optional(),
  choices: z
    .array(
      z.object({
        message: z.object({ content: z.string().nullable() }),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1),
  usage: z.object({ prompt_tokens: z.number(), completion_tokens: z.number() }).optional(),
});

export interface OpenAiNoteWriterOptions {
  /** Up to and including /v1 (OpenAI, vLLM, Ollama, llama.cpp server); for Azure, the deployment URL. */
  baseUrl: string;
  apiKey: string | undefined;
  model: string;
  timeoutMs: number;
  /** Azure OpenAI: `api-key` header and `api-version` query instead of a bearer token. */
  azureApiVersion?: string;
}

/**
 * OpenAI-compatible chat completions. Structured output uses `response_format: json_schema`;
 * servers that reject it (older vLLM, Ollama, llama.cpp builds) are asked for `json_object`
 * instead, remembered for the rest of the process, with the schema spelled out in the prompt.
 */
export function createOpenAiNoteWriter(options: OpenAiNoteWriterOptions): NoteWriter {
  const provider = 'The language model service';
  const policy: CallPolicy = {
    breaker: createCircuitBreaker(provider, { failureThreshold: 5, cooldownMs: 30_000 }),
    provider,
    timeoutMs: options.timeoutMs,
    retries: 2,
    maxRetryAfterMs: 30_000,
  };
  let schemaSupported = true;
  const url = options.azureApiVersion
    ? `${options.baseUrl.replace(/\/+$/, '')}/chat/completions?api-version=${encodeURIComponent(options.azureApiVersion)}`
    : `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.apiKey) {
    if (options.azureApiVersion) headers['api-key'] = options.apiKey;
    else headers.authorization = `Bearer ${options.apiKey}`;
  }

  const send = (
    messages: ChatMessage[],
    responseFormat: object | undefined,
    signal: AbortSignal | undefined,
  ) =>
    callProvider(
      policy,
      (attemptSignal) =>
        fetch(url, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            model: options.model,
            messages,
            temperature: 0,
            ...(responseFormat ? { response_format: responseFormat } : {}),
          }),
          signal: attemptSignal,
        }),
      signal,
    );

  return {
    name: 'openai',
    async complete({ messages, jsonSchema, signal }): Promise<Completion> {
      let response: Response;
      if (jsonSchema && schemaSupported) {
        try {
          response = await send(
            messages,
            {
              type: 'json_schema',
              json_schema: { name: jsonSchema.name, schema: jsonSchema.schema, strict: true },
            },
            signal,
          );
        } catch (error) {
          if (!(
            error instanceof ProviderError &&
            error.extra.status === 400 &&
            /response_format|json_schema/i.test(error.message)
          ))
            throw error;
          schemaSupported = false;
          response = await sendAsJsonObject();
        }
      } else {
        response = jsonSchema ? await sendAsJsonObject() : await send(messages, undefined, signal);
      }
      const body = await readProviderJson(response, chatResponse, policy.provider, 'a chat completion');
      const [choice] = body.choices;
      return {
        text: choice?.message.content ?? '',
        model: body.model ?? options.model,
        usage: {
          inputTokens: body.usage?.prompt_tokens ?? 0,
          outputTokens: body.usage?.completion_tokens ?? 0,
        },
      };

      function sendAsJsonObject() {
        const withSchema: ChatMessage[] = [
          ...messages,
          {
            role: 'system',
            content: `Answer with one JSON object only, matching this JSON Schema:\n${JSON.stringify(jsonSchema!.schema)}`,
          },
        ];
        return send(withSchema, { type: 'json_object' }, signal);
      }
    },
  };
}
