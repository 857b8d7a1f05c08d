export async function seconds(work: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work();
  return (performance.now() - started) / 1000;
}

/**
 * Wall-clock and CPU seconds of `work`. CPU time counts every thread of this process (whisper.cpp's
 * included) and moves less than wall time when other work shares the cores.
 */
export async function wallAndCpuSeconds(
  work: () => Promise<unknown>,
): Promise<{ wall: number; cpu: number }> {
  const cpuBefore = process.cpuUsage();
  const wall = await seconds(work);
  const cpu = process.cpuUsage(cpuBefore);
  return { wall, cpu: (cpu.user + cpu.system) / 1e6 };
}

export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of nothing: no run was measured');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Runs from the environment, at least 1. */
export function repetitions(fallback: number): number {
  const value = Number(process.env.BENCH_STT_RUNS ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error('BENCH_STT_RUNS must be a whole number ≥ 1');
  return value;
}
