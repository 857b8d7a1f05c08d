import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** "AMD EPYC 7B13, 2 cores": what a reader needs to compare figures between runs. */
export function describeMachine(): string {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  const model = /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown CPU';
  return `${model}, ${availableParallelism()} cores`;
}
