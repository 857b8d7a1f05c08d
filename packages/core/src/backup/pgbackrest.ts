import { runProgram } from './run-program';

export interface PgBackRestRepository {
  stanza: string;
  /** Absent: pgBackRest's default, /etc/pgbackrest/pgbackrest.conf. */
  configPath?: string | undefined;
}

export type RestoreTarget =
  { kind: 'latest' } | { kind: 'name'; name: string } | { kind: 'time'; time: string };

/** Runs one pgBackRest command as the cluster owner; failures carry pgBackRest's own last lines. */
export function runPgBackRest(
  repository: PgBackRestRepository,
  command: string,
  options: string[] = [],
): Promise<string> {
  return runProgram(
    'pgbackrest',
    [
      ...(repository.configPath ? [`--config=${repository.configPath}`] : []),
      `--stanza=${repository.stanza}`,
      '--log-level-console=warn',
      ...options,
      command,
    ],
    { asClusterOwner: true },
  );
}

/**
 * Restores the newest usable backup into `dataDir` (an empty directory, never the live one),
 * replaying WAL up to the target. Archiving is switched off in the copy, so it can never push
 * its own WAL into the repository it came from.
 */
export async function restoreBackup(
  repository: PgBackRestRepository,
  dataDir: string,
  target: RestoreTarget,
): Promise<void> {
  const targetOptions =
    target.kind === 'latest'
      ? ['--type=default']
      : [
          `--type=${target.kind}`,
          `--target=${target.kind === 'name' ? target.name : target.time}`,
          '--target-action=promote',
        ];
  await runPgBackRest(repository, 'restore', [
    // The copy is always made here, even where the configuration reaches the database over
    // pgBackRest's TLS protocol (the Kubernetes CronJobs): restore refuses to run with a pg1-host.
    '--reset-pg1-host',
    `--pg1-path=${dataDir}`,
    '--archive-mode=off',
    ...targetOptions,
  ]);
}

export function describeTarget(target: RestoreTarget): string {
  switch (target.kind) {
    case 'latest':
      return 'the end of the archived WAL';
    case 'name':
      return `restore point ${target.name}`;
    case 'time':
      return `time ${target.time}`;
  }
}
