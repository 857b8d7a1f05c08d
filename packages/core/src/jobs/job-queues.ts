import type PgBoss from 'pg-boss';

export const jobSchema = 'pgboss';

/**
 * Every queue and its retry and expiry policy. `expireInSeconds` doubles as crash recovery: a job
 * whose worker died (SIGKILL, a lost container) is failed and retried once it expires, so each
 * value is "longest honest run plus a margin", never hours.
 */
export const jobQueues = {
  transcribeChunk: {
    name: 'transcribe-chunk',
    // At most one queued and one running job per singleton key (the work item): enqueueing the
    // same work again while it waits is a no-op. Handlers are idempotent anyway.
    policy: 'stately',
    retryLimit: 6,
    retryDelay: 2,
    retryBackoff: true,
    // A chunk is a few seconds of audio: even a slow CPU engine finishes in well under a minute.
    expireInSeconds: 180,
  },
  transcribeRecording: {
    name: 'transcribe-recording',
    policy: 'stately',
    retryLimit: 4,
    retryDelay: 10,
    retryBackoff: true,
    // Whole consultations take minutes on a CPU; windows already transcribed are kept across retries.
    expireInSeconds: 3_600,
  },
  finalizeTranscript: {
    name: 'finalize-transcript',
    policy: 'stately',
    retryLimit: 6,
    retryDelay: 2,
    retryBackoff: true,
    // Database work only.
    expireInSeconds: 120,
  },
  generateNote: {
    name: 'generate-note',
    policy: 'stately',
    retryLimit: 4,
    retryDelay: 5,
    retryBackoff: true,
    // A long consultation on a CPU model takes minutes; a hosted model, seconds.
    expireInSeconds: 1_800,
  },
  purgeExpiredAudio: {
    name: 'purge-expired-audio',
    // One sweep at a time; a schedule that fires while one runs adds nothing.
    policy: 'singleton',
    retryLimit: 2,
    retryDelay: 60,
    // Deletes objects page by page; even a large backlog is minutes of storage calls.
    expireInSeconds: 1_800,
  },
} satisfies Record<string, PgBoss.Queue & { name: string }>;

export type JobQueueName = (typeof jobQueues)[keyof typeof jobQueues]['name'];
