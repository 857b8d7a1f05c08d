import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { handleTranscription, type TranscriptionDependencies } from './handle-transcription';
import { OpenAiError, sendOpenAiError } from './openai-error';

export interface SttServerDependencies extends TranscriptionDependencies {
  model: { readonly loaded: boolean; load(): Promise<void> };
}

const transcriptionsPath = '/v1/audio/transcriptions';
const requestIdPattern = /^[\w.:-]{1,64}$/;

/**
 * The service's HTTP API: OpenAI's transcription endpoint, `/healthz` (the process answers; says
 * whether the model is in memory) and `/readyz` (the model is loaded: send work here).
 */
export function createSttServer(deps: SttServerDependencies): Server {
  return createServer((request, response) => {
    const requestId = resolveRequestId(request);
    response.setHeader('x-request-id', requestId);
    const logger = deps.logger.child({ requestId });
    const path = request.url?.split('?')[0];
    if (path === transcriptionsPath && request.method === 'POST') {
      handleTranscription(request, response, deps, logger).catch((error: unknown) => {
        logger.error({ err: error }, 'transcription request crashed');
        response.destroy();
      });
      return;
    }
    if ((path === '/healthz' || path === '/readyz') && request.method === 'GET') {
      sendHealth(path, response, deps);
      return;
    }
    const known = path === transcriptionsPath || path === '/healthz' || path === '/readyz';
    if (known) response.setHeader('allow', path === transcriptionsPath ? 'POST' : 'GET');
    sendOpenAiError(
      response,
      known
        ? new OpenAiError(405, `Use ${path === transcriptionsPath ? 'POST' : 'GET'} for ${path}.`, {
            code: 'method_not_allowed',
          })
        : new OpenAiError(404, `There is nothing at ${request.method ?? 'GET'} ${path ?? '/'} here.`, {
            code: 'not_found',
          }),
    );
  });
}

function sendHealth(path: string, response: ServerResponse, deps: SttServerDependencies): void {
  const loaded = deps.model.loaded;
  // A model that failed to load (a download cut short) is tried again when the orchestrator asks.
  if (path === '/readyz' && !loaded) deps.model.load().catch(() => {});
  const status = path === '/readyz' && !loaded ? 503 : 200;
  const body = JSON.stringify({
    status: status === 200 ? 'ok' : 'loading',
    modelLoaded: loaded,
    inFlight: deps.gate.running,
    queued: deps.gate.waiting,
  });
  response.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(body);
}

/** A caller's id is kept (to follow a request across services) only when it is short and plain. */
function resolveRequestId(request: IncomingMessage): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && requestIdPattern.test(given) ? given : randomUUID();
}
