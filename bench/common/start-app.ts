import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';

// The request limiter would shape the figures (a live recording's polling alone exceeds a user's budget).
const unlimitedBudgets = Object.fromEntries(
  ['IP', 'USER', 'CLINIC', 'AUTH_IP', 'AI_USER', 'AI_CLINIC'].map((scope) => [
    `RATE_LIMIT_${scope}_PER_MINUTE`,
    '1000000',
  ]),
);

/** The real app (API server and, with RUN_WORKER=true, its job worker) in a process of its own. */
export async function startApp(environment: Record<string, string>) {
  const child = fork(fileURLToPath(new URL('./serve-app.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...unlimitedBudgets, ...environment },
  });
  const exited = once(child, 'exit');
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`the app exited with ${code} while starting`)));
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    port,
    /** For reading the server's own memory and CPU from /proc. */
    pid: child.pid!,
    /** Resolves once the process is gone, so no worker of it can take the next app's jobs. */
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
