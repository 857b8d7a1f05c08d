import { mkdtemp, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Logger } from '@healthcare/core/logging/create-logger';
import { closeAfterRefusal } from './close-after-refusal';
import type { ConcurrencyGate, GateTicket } from './concurrency-gate';
import { formatTranscription } from './format-transcription';
import { OpenAiError, sendOpenAiError } from './openai-error';
import { fileTooLarge, parseTranscriptionForm } from './parse-transcription-form';
import { readTranscriptionOptions } from './read-transcription-options';
import { toOpenAiError } from './to-openai-error';
import { transcribeUpload, type TranscribeUploadDependencies } from './transcribe-upload';

export interface TranscriptionDependencies extends TranscribeUploadDependencies {
  gate: ConcurrencyGate;
  logger: Logger;
  maxUploadBytes: number;
}

// Room for the multipart framing and the text fields around the file.
const formOverheadBytes = 1024 * 1024;
// nginx's code for "the client closed the request": nobody receives this answer.
const clientClosedStatus = 499;

/**
 * `POST /v1/audio/transcriptions`: take a place in line, stream the upload to a private temporary
 * folder, transcribe it, answer in the format asked. The folder is removed whatever happens. Logs
 * carry counts and timings, never text, prompts or file names.
 */
export async function handleTranscription(
  request: IncomingMessage,
  response: ServerResponse,
  deps: TranscriptionDependencies,
  logger: Logger,
): Promise<void> {
  const startedAt = performance.now();
  const client = new AbortController();
  response.once('close', () => {
    if (!response.writableFinished) client.abort(new Error('The client disconnected.'));
  });
  const outcome: { responseFormat: string; status: number; audioSeconds?: number; segments?: number } = {
    responseFormat: 'unknown',
    status: 500,
  };
  let ticket: GateTicket | undefined;
  let scratch: string | undefined;
  let answer: { contentType: string; body: string } | undefined;
  let refusal: OpenAiError | undefined;
  try {
    ticket = admit(request, deps);
    scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-stt-'));
    const uploadPath = path.join(scratch, 'upload');
    const form = await parseTranscriptionForm(request, {
      uploadPath,
      maxFileBytes: deps.maxUploadBytes,
      signal: client.signal,
    });
    const options = readTranscriptionOptions(form.fields);
    outcome.responseFormat = options.responseFormat;
    if (form.fileBytes === undefined) {
      throw new OpenAiError(400, 'Send the audio in a multipart form field named "file".', {
        code: 'missing_file',
        param: 'file',
      });
    }
    const result = await transcribeUpload(
      { path: uploadPath, ticket, options, signal: client.signal },
      deps,
      logger,
    );
    outcome.audioSeconds = result.durationSec;
    outcome.segments = result.segments.length;
    answer = formatTranscription(result, options.responseFormat);
    outcome.status = 200;
  } catch (error) {
    if (client.signal.aborted) {
      outcome.status = clientClosedStatus;
    } else {
      refusal = toOpenAiError(error, deps.retryAfter.seconds());
      outcome.status = refusal.status;
      if (refusal.status >= 500 && refusal.code !== 'server_busy' && refusal.code !== 'shutting_down') {
        logger.error({ err: error }, 'transcription failed');
      }
    }
  }
  // Cleaned up and counted before answering: a client holding its answer finds its place free,
  // no file left behind, and the request in the metrics.
  ticket?.leave();
  if (scratch) {
    await rm(scratch, { recursive: true, force: true }).catch((error: unknown) =>
      logger.warn({ err: error }, 'a temporary folder could not be removed'),
    );
  }
  const seconds = (performance.now() - startedAt) / 1000;
  deps.metrics.observeRequest(outcome, seconds);
  logger.info({ ...outcome, durationMs: Math.round(seconds * 1000) }, 'transcription request');
  if (answer) {
    response.writeHead(200, {
      'content-type': answer.contentType,
      'content-length': Buffer.byteLength(answer.body),
    });
    response.end(answer.body);
  } else if (refusal) {
    closeAfterRefusal(request, response);
    sendOpenAiError(response, refusal);
  }
}

/** Refusals decided from the headers alone, before a byte of audio is read. */
function admit(request: IncomingMessage, deps: TranscriptionDependencies): GateTicket {
  if (Number(request.headers['content-length'] ?? 0) > deps.maxUploadBytes + formOverheadBytes) {
    throw fileTooLarge(deps.maxUploadBytes);
  }
  const ticket = deps.gate.admit();
  if (!ticket) {
    throw new OpenAiError(
      503,
      'The speech-to-text service is busy; send the request again after the delay given.',
      {
        code: 'server_busy',
        retryAfterSeconds: deps.retryAfter.seconds(),
      },
    );
  }
  return ticket;
}
