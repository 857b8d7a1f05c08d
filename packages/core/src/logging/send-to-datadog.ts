import { hostname } from 'node:os';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { LogSink } from './log-batcher';

const gzipAsync = promisify(gzip);

/**
 * Datadog's HTTP logs intake v2: `POST /api/v2/logs`, a JSON array of entries, gzip, the API key
 * in `DD-API-KEY`. Its documented limits: 1,000 entries and 5 MB (uncompressed) a request, 1 MB an
 * entry. Each line is already JSON, which Datadog parses into attributes from `message`.
 */
export function datadogSink(options: {
  url: string;
  apiKey: string;
  service: string;
  tags: string | undefined;
}): LogSink {
  const host = hostname();
  return {
    maxBatchLines: 1_000,
    maxBatchBytes: 4_500_000, // under 5 MB with the entries' envelopes
    sizeOf: (line) => Buffer.byteLength(line) + 100,
    async send(lines) {
      const entries = lines.map((line) => ({
        ddsource: 'nodejs',
        service: options.service,
        hostname: host,
        ...(options.tags ? { ddtags: options.tags } : {}),
        message: line.trimEnd(),
      }));
      const response = await fetch(options.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'dd-api-key': options.apiKey,
        },
        body: await gzipAsync(JSON.stringify(entries)),
        signal: AbortSignal.timeout(10_000),
      });
      await response.body?.cancel();
      if (response.ok) return { ok: true };
      // 400 and 413 will fail the same way again; 403 needs a new key, not another try.
      return {
        ok: false,
        retryable: response.status === 408 || response.status === 429 || response.status >= 500,
      };
    },
  };
}
