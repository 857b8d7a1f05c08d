import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { get } from 'node:https';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { renderNginxConfig } from '../../scripts/render-nginx-config';

const run = promisify(execFile);

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The bench trusts its own self-signed certificate; nothing else travels over this connection. */
function statusOf(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(url, { rejectUnauthorized: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

/**
 * The project's edge (deploy/nginx: TLS, ModSecurity with the OWASP CRS, limits) in front of
 * `upstreams`, rendered as deploy/nginx/nginx.test.ts renders it, with a self-signed certificate.
 * Its per-address request rate is raised out of the way: every benchmark client shares one address.
 */
export async function startNginx(upstreams: string[]) {
  const scratch = await mkdtemp(path.join(tmpdir(), 'healthcare-bench-nginx-'));
  // nginx's workers run as an unprivileged user: they must reach the temp and run folders.
  await chmod(scratch, 0o755);
  await run('openssl', [
    'req',
    '-x509',
    '-newkey',
    'rsa:2048',
    '-nodes',
    '-days',
    '1',
    '-subj',
    '/CN=localhost',
    '-keyout',
    path.join(scratch, 'key.pem'),
    '-out',
    path.join(scratch, 'cert.pem'),
  ]);
  const [httpPort, httpsPort] = [await freePort(), await freePort()];
  const runDir = path.join(scratch, 'run');
  const config = await renderNginxConfig(
    {
      upstreams,
      serverName: 'localhost',
      httpPort,
      httpsPort,
      tlsCertificate: path.join(scratch, 'cert.pem'),
      tlsCertificateKey: path.join(scratch, 'key.pem'),
      runDir,
      logDir: path.join(scratch, 'log'),
      acmeRoot: path.join(scratch, 'acme'),
      ratePerSecond: 1_000_000,
      rateBurst: 1_000_000,
      authRatePerMinute: 600,
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
  const baseUrl = `https://127.0.0.1:${httpsPort}`;
  const deadline = Date.now() + 20_000;
  for (;;) {
    const healthy = await statusOf(`${baseUrl}/healthz`).then(
      (status) => status === 200,
      () => false,
    );
    if (healthy) break;
    if (master.exitCode !== null || Date.now() > deadline) {
      master.kill('SIGQUIT');
      throw new Error(`nginx in front of ${upstreams.join(', ')} did not become healthy`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    baseUrl,
    /** The master; its workers, which do the proxying, are its children. */
    pid: master.pid!,
    async stop() {
      master.kill('SIGQUIT');
      await exited;
      await rm(scratch, { recursive: true, force: true });
    },
  };
}
