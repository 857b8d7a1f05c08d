/**
 * `npm run bench`: every benchmark under bench/ (each folder's run.ts), one after the other in
 * processes of their own, so one's memory and threads do not weigh on the next. Each prints its
 * own table (ours, the baseline measured in the same run, the ratio, the machine). Exits non-zero
 * when any of them could not measure. BENCH_ONLY=api,llm runs a subset.
 */
import { spawn } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describeMachine } from './common/machine';

const benchDir = fileURLToPath(new URL('.', import.meta.url));
// The quick ones first; scale last, as it starts the most processes.
const preferredOrder = ['api', 'queue', 'upload', 'llm', 'stt', 'scale'];
const available = readdirSync(benchDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'common')
  .map((entry) => entry.name)
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
const only = process.env.BENCH_ONLY?.split(',').filter(Boolean);
const unknown = only?.filter((name) => !available.includes(name)) ?? [];
if (unknown.length) {
  console.error(`bench: no benchmark named ${unknown.join(', ')} (there are ${available.join(', ')})`);
  process.exit(2);
}
const selected = only ? available.filter((name) => only.includes(name)) : available;

function rank(name: string): number {
  const index = preferredOrder.indexOf(name);
  return index === -1 ? preferredOrder.length : index;
}

console.log(
  `bench: ${selected.join(', ')} on ${describeMachine()}, load average ${loadavg()[0]!.toFixed(2)}\n`,
);
const started = performance.now();
const outcomes: { name: string; code: number | null; seconds: number }[] = [];
for (const name of selected) {
  console.log(`=== bench/${name}`);
  const benchStarted = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', `${benchDir}${name}/run.ts`], {
    stdio: 'inherit',
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  outcomes.push({ name, code, seconds: (performance.now() - benchStarted) / 1000 });
  console.log('');
}
const failed = outcomes.filter((outcome) => outcome.code !== 0);
for (const outcome of outcomes)
  console.log(
    `bench/${outcome.name.padEnd(8)} ${outcome.code === 0 ? 'measured' : `could not measure (exit ${outcome.code})`} in ${outcome.seconds.toFixed(0)} s`,
  );
console.log(
  `bench: ${outcomes.length - failed.length} measured, ${failed.length} failed in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
process.exit(failed.length ? 1 : 0);
