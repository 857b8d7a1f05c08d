import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { childProcessEnvironment } from '@healthcare/core/config/load-config';
import type { Logger } from '@healthcare/core/logging/create-logger';

// The pages also import the cookie names from the server's HTTP layer.
const pageSources = [
  'src/app',
  'src/ui',
  'src/server/http/cookies.ts',
  'next.config.ts',
  'postcss.config.mjs',
];

/**
 * `npm start` on a fresh checkout has no compiled pages yet, and after a `git pull` they may be
 * stale: build them first. A production image ships a fresh build, so this is a no-op there.
 */
export async function ensureWebBuild(webDir: string, logger: Logger): Promise<void> {
  const buildId = path.join(webDir, '.next', 'BUILD_ID');
  if (existsSync(buildId)) {
    const builtAt = statSync(buildId).mtimeMs;
    const newest = Math.max(...pageSources.map((source) => newestChange(path.join(webDir, source))));
    if (newest <= builtAt) return;
  }
  logger.info('Building the web interface (first start or changed sources; this takes a minute)');
  const nextBin = createRequire(path.join(webDir, 'package.json')).resolve('next/dist/bin/next');
  await new Promise<void>((resolve, reject) => {
    const build = spawn(process.execPath, [nextBin, 'build'], {
      cwd: webDir,
      stdio: 'inherit',
      env: childProcessEnvironment({ NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' }),
    });
    build.once('error', reject);
    build.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`next build failed with exit code ${code}`)),
    );
  });
}

function newestChange(target: string): number {
  if (!existsSync(target)) return 0;
  const stats = statSync(target);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(
    stats.mtimeMs,
    ...readdirSync(target).map((entry) => newestChange(path.join(target, entry))),
  );
}
