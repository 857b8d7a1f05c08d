import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdtemp, readFile, rm } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@healthcare/core/net/free-port';
import { renderNginxConfig } from './render-nginx-config';

const run = promisify(execFile);

export interface NginxEdgeOptions {
  /** `host:port` of each web replica. */
  upstreams: string[];
  /** Per-address request rate and burst: tests and benchmarks send everything from one address. */
  ratePerSecond: number;
  rateBurst: number;
  authRatePerMinute: number;
}

export interface NginxEdge {
  /** `https://127.0.0.1:<port>`; the certificate names `localhost`. */
  baseUrl: string;
  httpPort: number;
  httpsPort: number;
  /** The self-signed certificate, for clients that verify it (`ca`, `servername: 'localhost'`). */
  certificate: Buffer;
  /** access.log and error.log. */
  logDir: string;
  /** A folder of this edge's own, removed by `stop`. */
  scratch: string;
  /** The master; its workers, which do the proxying, are its children. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * The project's edge as deployed (deploy/nginx: TLS, ModSecurity with the OWASP Core Rule Set,
 * limits, SSE and upload streaming) rendered into a scratch folder with a self-signed certificate
 * and started on free ports, for the edge tests, the sqlmap probe and the scale benchmark. Resolves
 * once `/healthz` answers 200 through it. Needs nginx with the ModSecurity module, the CRS and openssl.
 */
export async function startNginxEdge(options: NginxEdgeOptions): Promise<NginxEdge> {
  const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-nginx-'));
  // nginx's workers run as an unprivileged user: they must reach the temp and run folders.
  await chmod(scratch, 0o755);
  const [certificateFile, keyFile] = [path.join(scratch, 'cert.pem'), path.join(scratch, 'key.pem')];
  await run('openssl', [
    ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost'],
    ...['-addext', 'subjectAltName=DNS:localhost', '-keyout', keyFile, '-out', certificateFile],
  ]);
  const certificate = await readFile(certificateFile);
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const runDir = path.join(scratch, 'run');
  const logDir = path.join(scratch, 'log');
  const config = await renderNginxConfig(
    {
      ...options,
      serverName: 'localhost',
      httpPort,
      httpsPort,
      tlsCertificate: certificateFile,
      tlsCertificateKey: keyFile,
      runDir,
      logDir,
      acmeRoot: path.join(scratch, 'acme'),
      maxAudioBody: '64m',
      maxDocumentBody: '10m',
      crsSetup: '/etc/modsecurity/crs/crs-setup.conf',
      crsRules: '/usr/share/modsecurity-crs/rules',
    },
    path.join(scratch, 'conf'),
  );
  await run('chmod', ['-R', 'a+rwX', runDir]);
  await run('nginx', ['-t', '-q', '-c', config, '-g', 'daemon off;']);
  const master = spawn('nginx', ['-c', config, '-g', 'daemon off;'], { stdio: 'ignore' });
  const exited = once(master, 'exit');
  const stop = async () => {
    if (master.exitCode === null) {
      master.kill('SIGQUIT');
      await exited;
    }
    await rm(scratch, { recursive: true, force: true });
  };
  const baseUrl = `https://127.0.0.1:${httpsPort}`;
  const deadline = Date.now() + 20_000;
  while (!(await isHealthy(`${baseUrl}/healthz`, certificate))) {
    if (master.exitCode !== null || Date.now() > deadline) {
      await stop();
      throw new Error(`nginx in front of ${options.upstreams.join(', ')} did not become healthy`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { baseUrl, httpPort, httpsPort, certificate, logDir, scratch, pid: master.pid!, stop };
}

function isHealthy(url: string, certificate: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    get(url, { ca: certificate, servername: 'localhost' }, (response) => {
      response.resume();
      resolve(response.statusCode === 200);
    }).on('error', () => resolve(false));
  });
}
