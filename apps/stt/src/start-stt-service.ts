import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import type { EmbeddedSpeechToTextOptions } from '@healthcare/ai/stt/embedded-speech-to-text';
import { ensureModelFile } from '@healthcare/ai/stt/ensure-model-file';
import type { SttServiceConfig } from '@healthcare/core/config/stt-service-config';
import type { Logger } from '@healthcare/core/logging/create-logger';
import { createEnginePool } from './engine/create-engine-pool';
import { createMetricsServer } from './metrics/create-metrics-server';
import { modelLabel } from '@healthcare/core/metrics/model-label';
import { createSttMetrics } from './metrics/stt-metrics';
import { createConcurrencyGate } from './server/concurrency-gate';
import { createSttServer } from './server/create-stt-server';
import { createRetryAfterEstimate } from './server/estimate-retry-after';

export interface SttService {
  /** The API's base, e.g. http://127.0.0.1:9000 (OpenAI clients take `${url}/v1`). */
  url: string;
  metricsUrl: string;
  /** Stops accepting, turns away requests still waiting for the engine, finishes those running. */
  close(): Promise<void>;
}

/**
 * Starts the Whisper service: the API and metrics servers listen at once, while the model is
 * loaded (downloaded first if needed) in the background; `/readyz` says when it is ready.
 */
export async function startSttService(
  config: SttServiceConfig,
  logger: Logger,
  // Tests relax whisper.cpp's thresholds: a random-weight model decodes nothing under the defaults.
  options: { decoding?: EmbeddedSpeechToTextOptions['decoding'] } = {},
): Promise<SttService> {
  const { limits } = config;
  const engine = createEnginePool({
    size: limits.maxConcurrency,
    threads: config.threads,
    gpu: config.gpu,
    ...(options.decoding ? { decoding: options.decoding } : {}),
    modelFile: () =>
      ensureModelFile({
        path: config.model.path,
        url: config.model.url,
        directory: config.model.directory,
        sha256: config.model.sha256,
        onProgress: (progress) => logger.info(progress, 'downloading the speech model'),
      }),
  });
  let loading: Promise<void> | undefined;
  const model = {
    get loaded() {
      return engine.loaded;
    },
    label: modelLabel(config.model.path ?? new URL(config.model.url).pathname),
    load: () =>
      (loading ??= engine
        .load()
        .then(
          () => logger.info('speech model loaded'),
          (error: unknown) => {
            logger.error({ err: error }, 'the speech model could not be loaded');
            throw error;
          },
        )
        .finally(() => (loading = undefined))),
  };
  const gate = createConcurrencyGate({ maxConcurrent: limits.maxConcurrency, maxQueued: limits.maxQueue });
  const metrics = createSttMetrics(gate, model);
  const server = createSttServer({
    engine,
    gate,
    model,
    metrics,
    logger,
    retryAfter: createRetryAfterEstimate(limits.maxConcurrency),
    maxUploadBytes: limits.maxUploadBytes,
  });
  const metricsServer = createMetricsServer(metrics.registry);
  let closing = false;
  let closed: Promise<void> | undefined;
  server.on('request', (_request, response: ServerResponse) => {
    if (closing) response.shouldKeepAlive = false;
    // A keep-alive connection outlives its response and would hold close() open until it times out.
    response.once('finish', () => closing && server.closeIdleConnections());
  });
  const url = await listen(server, config.server.host, config.server.port);
  const metricsUrl = `${await listen(metricsServer, config.server.host, config.server.metricsPort)}/metrics`;
  logger.info({ url, metricsUrl, ...limits }, 'speech-to-text service listening');
  model.load().catch(() => {});

  return {
    url,
    metricsUrl,
    close: () =>
      (closed ??= (async () => {
        closing = true;
        gate.close();
        // close() also drops the idle keep-alive connections; busy ones end after their response.
        await Promise.all([closeServer(server), closeServer(metricsServer)]);
        await loading?.catch(() => {});
        await engine.unload();
        logger.info('speech-to-text service stopped');
      })()),
  };
}

async function listen(server: Server, host: string, port: number): Promise<string> {
  server.listen(port, host);
  await once(server, 'listening');
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${shownHost}:${address.port}`;
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
}
