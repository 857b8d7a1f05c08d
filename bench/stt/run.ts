/**
 * `npm run bench:stt`: the real-time factor of our embedded engine against whisper.cpp called
 * directly, then the stop-to-final-transcript latency of live recordings against one chunk's
 * transcription. Each bench runs in a process of its own; whisper.cpp's model-loading report
 * (hundreds of stderr lines) is dropped, every other line passes. Not a test.
 * BENCH_STT_RUNS sets the timed runs per side (default 3); BENCH_STT_MINUTES the recordings (default 1,10,30).
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const engineChatter = /^(whisper_|ggml_)/;
const benches = ['real-time-factor.ts', 'live-latency.ts'];

console.log(
  `bench/stt: load average ${loadavg()[0]!.toFixed(2)} at start (other work on the machine skews every figure)\n`,
);
let failed = 0;
for (const bench of benches) {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(bench, import.meta.url))], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  createInterface({ input: child.stderr }).on('line', (line) => {
    if (line.trim() && !engineChatter.test(line)) process.stderr.write(`${line}\n`);
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) {
    console.error(`bench/stt: ${bench} could not measure (exit ${code})`);
    failed += 1;
  }
  console.log('');
}
process.exit(failed ? 1 : 0);
