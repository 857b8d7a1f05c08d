import { fork } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { unlimitedRequestBudgets } from './load';

/** The real app (API server and, with RUN_WORKER=true, its job worker) in a process of its own. */
export async function startApp(environment: Record<string, string>, options: { nodeFlags?: string[] } = {}) {
  const child = fork(fileURLToPath(new URL('./serve-app.ts', import.meta.url)), {
    execArgv: ['--import', 'tsx', ...(options.nodeFlags ?? [])],
    // The request limiter would shape the figures (a live recording's polling alone exceeds a user's budget).
    env: { ...process.env, LOG_LEVEL: 'warn', ...unlimitedRequestBudgets, ...environment },
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
