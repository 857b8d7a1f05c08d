import { execFile } from 'node:child_process';

/**
 * PostgreSQL refuses to run as root, and pgBackRest must run as the owner of the data it
 * touches. As root we run both as this system user (Debian's PostgreSQL packages create it);
 * as anyone else, as ourselves.
 */
export const clusterOwnerName = 'postgres';

export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/** Runs a program to completion (as the cluster owner when we are root) and returns its output. */
export function runProgram(
  command: string,
  args: string[],
  options: { asClusterOwner?: boolean; timeoutMs?: number } = {},
): Promise<string> {
  const [file, argv] =
    options.asClusterOwner && runsAsRoot()
      ? ['runuser', ['-u', clusterOwnerName, '--', command, ...args]]
      : [command, args];
  return new Promise((resolve, reject) => {
    execFile(
      file,
      argv,
      { timeout: options.timeoutMs ?? 600_000, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (error) {
          const detail = (stderr || stdout).trim().split('\n').slice(-8).join('\n');
          reject(
            new Error(`${command} ${args[0] ?? ''} failed: ${detail || error.message}`, { cause: error }),
          );
        } else {
          resolve(stdout);
        }
      },
    );
  });
}
