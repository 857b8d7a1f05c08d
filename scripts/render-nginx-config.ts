/**
 * Fills deploy/nginx's templates: `tsx scripts/render-nginx-config.ts <out-dir>` with NGINX_*
 * variables (compose and hosts), or `renderNginxConfig()` from the tests. Every value is
 * checked, since nginx would otherwise start with half a configuration.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface NginxSettings {
  /** `host:port` of each web replica. */
  upstreams: string[];
  serverName: string;
  httpPort: number;
  httpsPort: number;
  tlsCertificate: string;
  tlsCertificateKey: string;
  runDir: string;
  logDir: string;
  acmeRoot: string;
  ratePerSecond: number;
  rateBurst: number;
  authRatePerMinute: number;
  maxAudioBody: string;
  maxDocumentBody: string;
  crsSetup: string;
  crsRules: string;
}

const templates = fileURLToPath(new URL('../deploy/nginx/', import.meta.url));

export async function renderNginxConfig(settings: NginxSettings, outDir: string): Promise<string> {
  if (settings.upstreams.length === 0) throw new Error('nginx: at least one upstream is needed.');
  for (const upstream of settings.upstreams)
    if (!/^[\w.-]+:\d+$/.test(upstream)) throw new Error(`nginx: "${upstream}" is not host:port.`);
  await mkdir(outDir, { recursive: true });
  for (const dir of ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi', 'modsecurity'])
    await mkdir(path.join(settings.runDir, dir), { recursive: true });
  await mkdir(settings.logDir, { recursive: true });
  const values: Record<string, string> = {
    UPSTREAMS: settings.upstreams
      .map((upstream) => `    server ${upstream} max_fails=1 fail_timeout=5s;`)
      .join('\n'),
    SERVER_NAME: settings.serverName,
    HTTP_PORT: String(settings.httpPort),
    HTTPS_PORT: String(settings.httpsPort),
    HTTPS_PORT_SUFFIX: settings.httpsPort === 443 ? '' : `:${settings.httpsPort}`,
    TLS_CERTIFICATE: settings.tlsCertificate,
    TLS_CERTIFICATE_KEY: settings.tlsCertificateKey,
    RUN_DIR: settings.runDir,
    LOG_DIR: settings.logDir,
    ACME_ROOT: settings.acmeRoot,
    RATE_PER_SECOND: String(settings.ratePerSecond),
    RATE_BURST: String(settings.rateBurst),
    AUTH_RATE_PER_MINUTE: String(settings.authRatePerMinute),
    MAX_AUDIO_BODY: settings.maxAudioBody,
    MAX_DOCUMENT_BODY: settings.maxDocumentBody,
    MODSECURITY_RULES: path.join(outDir, 'modsecurity.conf'),
    EXCLUSIONS: path.join(outDir, 'healthcare-exclusions.conf'),
    CRS_SETUP: settings.crsSetup,
    CRS_RULES: settings.crsRules,
  };
  const fill = (text: string) =>
    text.replace(/\{\{([A-Z_]+)\}\}/g, (_, name: string) => {
      const value = values[name];
      if (value === undefined) throw new Error(`nginx: no value for {{${name}}}.`);
      return value;
    });
  await writeFile(
    path.join(outDir, 'nginx.conf'),
    fill(await readFile(path.join(templates, 'nginx.conf.template'), 'utf8')),
  );
  await writeFile(
    path.join(outDir, 'modsecurity.conf'),
    fill(await readFile(path.join(templates, 'modsecurity/main.conf.template'), 'utf8')),
  );
  await writeFile(
    path.join(outDir, 'healthcare-exclusions.conf'),
    await readFile(path.join(templates, 'modsecurity/healthcare-exclusions.conf'), 'utf8'),
  );
  return path.join(outDir, 'nginx.conf');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const env = process.env;
  const outDir = path.resolve(process.argv[2] ?? '/etc/nginx/healthcare');
  const file = await renderNginxConfig(
    {
      upstreams: (env.NGINX_UPSTREAMS ?? 'web-1:3000,web-2:3000').split(',').map((entry) => entry.trim()),
      serverName: env.NGINX_SERVER_NAME ?? '_',
      httpPort: Number(env.NGINX_HTTP_PORT ?? 80),
      httpsPort: Number(env.NGINX_HTTPS_PORT ?? 443),
      tlsCertificate: env.NGINX_TLS_CERTIFICATE ?? '/etc/letsencrypt/live/healthcare/fullchain.pem',
      tlsCertificateKey: env.NGINX_TLS_CERTIFICATE_KEY ?? '/etc/letsencrypt/live/healthcare/privkey.pem',
      runDir: env.NGINX_RUN_DIR ?? '/var/cache/nginx/healthcare',
      logDir: env.NGINX_LOG_DIR ?? '/var/log/nginx',
      acmeRoot: env.NGINX_ACME_ROOT ?? '/var/www/acme',
      ratePerSecond: Number(env.NGINX_RATE_PER_SECOND ?? 20),
      rateBurst: Number(env.NGINX_RATE_BURST ?? 60),
      authRatePerMinute: Number(env.NGINX_AUTH_RATE_PER_MINUTE ?? 10),
      maxAudioBody: env.NGINX_MAX_AUDIO_BODY ?? '2g',
      maxDocumentBody: env.NGINX_MAX_DOCUMENT_BODY ?? '50m',
      crsSetup: env.NGINX_CRS_SETUP ?? '/etc/modsecurity/crs/crs-setup.conf',
      crsRules: env.NGINX_CRS_RULES ?? '/usr/share/modsecurity-crs/rules',
    },
    outDir,
  );
  console.log(`nginx configuration written to ${file}`);
}
