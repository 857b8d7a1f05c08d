import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StorageConfig } from '../config/config';

export interface RunningS3rver {
  config: Extract<StorageConfig, { driver: 's3' }>;
  /**
   * Keys of multipart uploads begun but neither completed nor aborted. s3rver has no
   * ListMultipartUploads, so this reads the folder where it keeps their parts.
   */
  pendingMultipartUploads(): Promise<string[]>;
  /** Keys of multipart uploads aborted so far, so a test can tell it really went multipart. */
  abortedMultipartUploads(): Promise<string[]>;
  /** Ends the server process, as an outage would, and keeps its files for `restart`. */
  kill(): Promise<void>;
  /** Starts the server again on the same port, serving the same files. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

/*
 * Runs in a child process because s3rver encrypts ListObjectsV2 continuation tokens with DES,
 * which OpenSSL 3 offers only with --openssl-legacy-provider: in-process, any listing of more
 * than one page fails with a 500.
 *
 * s3rver also answers AbortMultipartUpload with 405 and keeps the parts. The middleware does
 * what S3 does (drop the upload's parts, answer 204) and logs the upload's key, so tests can
 * check that a driver aborts what it started.
 */
const serverProgram = `
const fs = require('node:fs');
const path = require('node:path');
const [s3rverPath, directory, bucket, abortLog, port, keyFile, certFile] = process.argv.slice(1);
const S3rver = require(s3rverPath);
const uploadsDir = path.join(directory, bucket, '._S3rver_uploads');
const server = new S3rver({
  port: Number(port), address: '127.0.0.1', silent: true, directory, configureBuckets: [{ name: bucket }],
  ...(keyFile ? { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) } : {}),
});
server.middleware.unshift(async (context, next) => {
  const uploadId = context.query.uploadId;
  if (context.method !== 'DELETE' || typeof uploadId !== 'string') return next();
  const uploadDir = path.join(uploadsDir, uploadId);
  if (!/^[0-9a-f]+$/.test(uploadId) || !fs.existsSync(uploadDir)) {
    context.status = 404;
    return;
  }
  fs.appendFileSync(abortLog, fs.readFileSync(path.join(uploadDir, 'key'), 'utf8') + '\\n');
  fs.rmSync(uploadDir, { recursive: true, force: true });
  context.status = 204;
});
server.run().then(
  (address) => process.send({ port: address.port }),
  (error) => { console.error(error); process.exit(1); },
);
process.on('disconnect', () => process.exit(0));
`;

/**
 * A real S3 API on 127.0.0.1 and a free port, with an empty bucket, for tests. s3rver checks no
 * SigV4 signatures, so nothing run against it says anything about S3 authentication. With `tls`
 * (a PEM key and certificate) it speaks HTTPS, for clients that know no other (pgBackRest).
 */
export async function startS3rver(
  options: { bucket?: string; tls?: { keyFile: string; certFile: string } } = {},
): Promise<RunningS3rver> {
  const bucket = options.bucket ?? 'healthcare-test';
  const root = await mkdtemp(path.join(tmpdir(), 's3rver-'));
  const directory = path.join(root, 'data');
  const abortLog = path.join(root, 'aborted-uploads');
  const uploadsDir = path.join(directory, bucket, '._S3rver_uploads');
  await mkdir(directory);
  const s3rverPath = createRequire(import.meta.url).resolve('s3rver');
  const spawnServer = (listenPort: number) =>
    spawn(
      process.execPath,
      [
        '--openssl-legacy-provider',
        '-e',
        serverProgram,
        s3rverPath,
        directory,
        bucket,
        abortLog,
        String(listenPort),
        options.tls?.keyFile ?? '',
        options.tls?.certFile ?? '',
      ],
      { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] },
    );
  let child = spawnServer(0);
  const port = await waitForPort(child);
  const kill = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill();
      await exited;
    }
  };

  return {
    config: {
      driver: 's3',
      bucket,
      region: 'us-east-1',
      endpoint: `${options.tls ? 'https' : 'http'}://127.0.0.1:${port}`,
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
      serverSideEncryption: undefined,
      downloadUrlTtlSeconds: 300,
    },
    async pendingMultipartUploads() {
      const uploadIds = await readdir(uploadsDir).catch(() => []);
      return Promise.all(uploadIds.map((id) => readFile(path.join(uploadsDir, id, 'key'), 'utf8')));
    },
    async abortedMultipartUploads() {
      const log = await readFile(abortLog, 'utf8').catch(() => '');
      return log.split('\n').filter(Boolean);
    },
    kill,
    async restart() {
      await kill();
      child = spawnServer(port);
      await waitForPort(child);
    },
    async stop() {
      await kill();
      await rm(root, { recursive: true, force: true });
    },
  };
}

async function waitForPort(child: ChildProcess): Promise<number> {
  const [message] = (await Promise.race([
    once(child, 'message'),
    once(child, 'exit').then(([code]) => {
      throw new Error(`s3rver exited with code ${String(code)} before listening.`);
    }),
  ])) as [{ port: number }];
  return message.port;
}
