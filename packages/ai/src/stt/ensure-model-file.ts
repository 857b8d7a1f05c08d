import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ProviderError } from '../http/provider-error';

export interface ModelSource {
  /** A model file already on disk; when set, nothing is downloaded. */
  path: string | undefined;
  url: string;
  /** Where downloaded models are kept (the data directory's models/ folder). */
  directory: string;
  /** When set, the download is checked against it before it is used. */
  sha256: string | undefined;
  /** Which engine the model is for, so that messages name the right model and settings. Default: speech. */
  kind?: ModelKind;
  onProgress?: (progress: {
    receivedBytes: number;
    totalBytes: number | undefined;
    resumed: boolean;
  }) => void;
}

export type ModelKind = 'speech' | 'language';

const wording = {
  speech: {
    provider: 'The built-in speech-to-text engine',
    model: 'speech model',
    pathSetting: 'STT_MODEL_PATH',
    urlSetting: 'STT_MODEL_URL',
    checksumSetting: 'STT_MODEL_SHA256',
  },
  language: {
    provider: 'The built-in language model',
    model: 'language model',
    pathSetting: 'LLM_MODEL_PATH',
    urlSetting: 'LLM_MODEL_URL',
    checksumSetting: 'LLM_MODEL_SHA256',
  },
} as const;
const inFlight = new Map<string, Promise<string>>();

/**
 * The model file, downloaded on first use into the data directory: resumed from where an
 * interrupted download stopped (HTTP Range), checked against its SHA-256, and only then moved
 * into place, so a half-written file is never loaded. Concurrent callers share one download.
 */
export function ensureModelFile(source: ModelSource): Promise<string> {
  if (source.path) return existingModel(source.path, wording[source.kind ?? 'speech']);
  const target = path.join(source.directory, path.basename(new URL(source.url).pathname) || 'model.bin');
  let download = inFlight.get(target);
  if (!download) {
    download = downloadModel(source, target).finally(() => inFlight.delete(target));
    inFlight.set(target, download);
  }
  return download;
}

async function existingModel(file: string, words: (typeof wording)[ModelKind]): Promise<string> {
  if (await exists(file)) return file;
  throw new ProviderError(
    words.provider,
    `The ${words.model} file ${file} (${words.pathSetting}) does not exist. Put the model there or correct the setting, then use “retry”.`,
    false,
  );
}

async function downloadModel(source: ModelSource, target: string): Promise<string> {
  if (await exists(target)) return target;
  await mkdir(source.directory, { recursive: true });
  const partial = `${target}.part`;
  const already = (await stat(partial).catch(() => undefined))?.size ?? 0;
  let response: Response;
  try {
    response = await fetch(source.url, {
      headers: already > 0 ? { range: `bytes=${already}-` } : {},
      redirect: 'follow',
    });
  } catch {
    throw cannotDownload(
      source,
      target,
      'could not reach the download server (is this machine offline?)',
      true,
    );
  }
  if (!response.ok || !response.body) {
    const retryable = response.status >= 500 || response.status === 429;
    throw cannotDownload(source, target, `the server answered HTTP ${response.status}`, retryable);
  }
  // 206: the server continues where we stopped; 200: it ignored the range, so start over.
  const resumed = response.status === 206;
  const totalBytes = resumed
    ? totalFromContentRange(response.headers.get('content-range'))
    : lengthOf(response);
  let receivedBytes = resumed ? already : 0;
  let lastReport = 0;
  const counter = async function* (chunks: AsyncIterable<Uint8Array>) {
    for await (const chunk of chunks) {
      receivedBytes += chunk.byteLength;
      if (Date.now() - lastReport > 2_000) {
        lastReport = Date.now();
        source.onProgress?.({ receivedBytes, totalBytes, resumed });
      }
      yield chunk;
    }
  };
  try {
    await pipeline(
      Readable.fromWeb(response.body as never),
      counter,
      createWriteStream(partial, { flags: resumed ? 'a' : 'w', mode: 0o644 }),
    );
  } catch {
    throw cannotDownload(
      source,
      target,
      'the download was interrupted; it resumes where it stopped on the next attempt',
      true,
    );
  }
  source.onProgress?.({ receivedBytes, totalBytes, resumed });
  if (source.sha256) {
    const actual = await sha256Of(partial);
    if (actual !== source.sha256.toLowerCase()) {
      await rm(partial, { force: true });
      const words = wording[source.kind ?? 'speech'];
      throw new ProviderError(
        words.provider,
        `The downloaded ${words.model} (${words.urlSetting}) does not match its checksum (${words.checksumSetting}), so it was discarded. Check both settings, then use “retry”.`,
        false,
      );
    }
  }
  await rename(partial, target);
  return target;
}

/**
 * Retryable when a later attempt may succeed by itself (network back, server recovered). The
 * message ends up on the encounter, in front of clinicians, so it names the setting rather than
 * the URL, which may carry a mirror's credentials or a signed query string.
 */
function cannotDownload(source: ModelSource, target: string, why: string, retryable: boolean): ProviderError {
  const words = wording[source.kind ?? 'speech'];
  return new ProviderError(
    words.provider,
    `The ${words.model} is not on this machine yet and ${why}. An administrator can download the file that ${words.urlSetting} names to ${target} (or set ${words.pathSetting} to a model file), then use “retry”.`,
    retryable,
  );
}

function totalFromContentRange(header: string | null): number | undefined {
  const total = header?.split('/')[1];
  return total && /^\d+$/.test(total) ? Number(total) : undefined;
}

function lengthOf(response: Response): number | undefined {
  const header = response.headers.get('content-length');
  return header && /^\d+$/.test(header) ? Number(header) : undefined;
}

async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    (stats) => stats.isFile(),
    () => false,
  );
}
