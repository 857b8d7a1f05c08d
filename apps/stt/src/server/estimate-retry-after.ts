// Before any transcription has finished: about one short chunk on a CPU.
const initialGuessSeconds = 5;
// Beyond a minute a client does better to hand the work back to its job queue than to wait.
const longestAdviceSeconds = 60;

/**
 * The Retry-After a refused client gets: when a place should free up, which is when one of the
 * running transcriptions ends, judged from a moving average of recent transcription times.
 */
export function createRetryAfterEstimate(maxConcurrent: number) {
  let averageSeconds: number | undefined;
  return {
    record(transcriptionSeconds: number) {
      averageSeconds =
        averageSeconds === undefined
          ? transcriptionSeconds
          : 0.8 * averageSeconds + 0.2 * transcriptionSeconds;
    },
    seconds(): number {
      const seconds = Math.ceil((averageSeconds ?? initialGuessSeconds) / maxConcurrent);
      return Math.min(longestAdviceSeconds, Math.max(1, seconds));
    },
  };
}
