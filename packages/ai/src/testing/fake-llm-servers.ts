import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeLlmBehaviour =
  | { kind: 'answer'; content: string }
  | { kind: 'status'; status: number; retryAfter?: string; message?: string }
  | { kind: 'malformed' }
  /** Answers normally, but only after a delay: where a test kills the worker. */
  | { kind: 'slow'; delayMs: number };

export interface RecordedLlmRequest {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
}

interface FakeServerOptions {
  /** The answer when no behaviour is queued: built from the request, as a real model would. */
  defaultAnswer: (body: any) => string;
  /** Servers that predate structured outputs reject json_schema with a 400. */
  rejectJsonSchema?: boolean;
}

async function startFakeServer(
  route: string,
  options: FakeServerOptions,
  respond: (response: ServerResponse, body: any, content: string) => void,
  errorBody: (status: number, message: string) => object,
) {
  const behaviours: FakeLlmBehaviour[] = [];
  const requests: RecordedLlmRequest[] = [];
  const server: Server = createServer((request: IncomingMessage, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    const answer = async () => {
      const body = JSON.parse(Buffer.concat(chunks).toString() || '{}');
      requests.push({ path: request.url ?? '', headers: request.headers, body });
      const json = (status: number, payload: object, headers: Record<string, string> = {}) =>
        response
          .writeHead(status, { 'content-type': 'application/json', ...headers })
          .end(JSON.stringify(payload));
      if (!(request.url ?? '').startsWith(route)) return json(404, errorBody(404, 'Unknown route'));
      if (options.rejectJsonSchema && body.response_format?.type === 'json_schema') {
        return json(
          400,
          errorBody(
            400,
            "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model.",
          ),
        );
      }
      let behaviour = behaviours.shift() ?? { kind: 'answer', content: options.defaultAnswer(body) };
      if (behaviour.kind === 'slow') {
        const { delayMs } = behaviour;
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        behaviour = { kind: 'answer', content: options.defaultAnswer(body) };
      }
      if (behaviour.kind === 'status') {
        return json(
          behaviour.status,
          errorBody(behaviour.status, behaviour.message ?? `Fake failure ${behaviour.status}`),
          behaviour.retryAfter ? { 'retry-after': behaviour.retryAfter } : {},
        );
      }
      if (behaviour.kind === 'malformed')
        return response.writeHead(200, { 'content-type': 'application/json' }).end('{"choices": [');
      respond(response, body, behaviour.content);
    };
    request.on('end', () => void answer());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    enqueue: (...next: FakeLlmBehaviour[]) => behaviours.push(...next),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** OpenAI's `POST /v1/chat/completions` wire format, errors as `{ error: { message, type, code } }`. */
export async function startFakeOpenAiChatServer(options: FakeServerOptions) {
  const server = await startFakeServer(
    '/v1/chat/completions',
    options,
    (response, body, content) =>
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'chatcmpl-fake',
          object: 'chat.completion',
          created: Math.floor(Date.now() / 1000),
          model: body.model,
          choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
          usage: {
            prompt_tokens: JSON.stringify(body.messages).length,
            completion_tokens: content.length,
            total_tokens: 0,
          },
        }),
      ),
    (status, message) => ({
      error: { message, type: status === 429 ? 'rate_limit_exceeded' : 'invalid_request_error', code: null },
    }),
  );
  return { ...server, baseUrl: `${server.origin}/v1` };
}

/** The error `type` Anthropic documents for each HTTP status (docs.anthropic.com, "Errors"). */
const anthropicErrorTypes: Record<number, string> = {
  400: 'invalid_request_error',
  401: 'authentication_error',
  403: 'permission_error',
  404: 'not_found_error',
  413: 'request_too_large',
  429: 'rate_limit_error',
  500: 'api_error',
  529: 'overloaded_error',
};

/**
 * Anthropic's `POST /v1/messages` wire format; a forced tool call answers with a `tool_use` block.
 * Errors as `{ type: 'error', error: { type, message } }`, rate limits with `retry-after`.
 */
export async function startFakeAnthropicServer(options: FakeServerOptions) {
  const server = await startFakeServer(
    '/v1/messages',
    options,
    (response, body, content) => {
      const forcedTool = body.tool_choice?.type === 'tool' ? body.tool_choice.name : undefined;
      response.writeHead(200, { 'content-type': 'application/json' }).end(
        JSON.stringify({
          id: 'msg_fake',
          type: 'message',
          role: 'assistant',
          model: body.model,
          content: forcedTool
            ? [{ type: 'tool_use', id: 'toolu_fake', name: forcedTool, input: JSON.parse(content) }]
            : [{ type: 'text', text: content }],
          stop_reason: forcedTool ? 'tool_use' : 'end_turn',
          usage: { input_tokens: JSON.stringify(body.messages).length, output_tokens: content.length },
        }),
      );
    },
    (status, message) => ({
      type: 'error',
      error: {
        type: anthropicErrorTypes[status] ?? (status >= 500 ? 'api_error' : 'invalid_request_error'),
        message,
      },
    }),
  );
  return { ...server, baseUrl: `${server.origin}/v1` };
}
