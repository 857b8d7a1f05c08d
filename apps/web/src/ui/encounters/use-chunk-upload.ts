'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, SessionExpired } from '../api/api-problem';
import { callApi } from '../api/call-api';
import {
  deleteChunk,
  deleteCompletion,
  findCompletion,
  listChunks,
  saveChunk,
  saveCompletion,
} from './chunk-store';

export interface ChunkUploadState {
  /** Chunks kept in the browser and not yet acknowledged by the server. */
  pending: number;
  uploaded: number;
  /** The last attempt could not reach the server; retried when the browser is back online. */
  waitingForNetwork: boolean;
  failure: ApiProblem | undefined;
  /** The highest chunk number kept in this browser, -1 when none: a new recording continues after it. */
  highestKeptSeq: number;
  /** The recording was stopped (here or before a reload) and `complete` is pending or sent. */
  finished: boolean;
}

const retryDelayMs = 3_000;

/**
 * Uploads an encounter's chunks from IndexedDB, one at a time, and deletes each once the server
 * answers; then sends `complete`. Resumes on its own after a reload or when the network returns.
 */
export function useChunkUpload(encounterId: string, onCompleted: (encounter: Encounter) => void) {
  const [state, setState] = useState<ChunkUploadState>({
    pending: 0,
    uploaded: 0,
    waitingForNetwork: false,
    failure: undefined,
    highestKeptSeq: -1,
    finished: false,
  });
  const running = useRef(false);
  const again = useRef(false);
  const unmounted = useRef(false);
  const completedRef = useRef(onCompleted);
  completedRef.current = onCompleted;

  const pump = useCallback(async () => {
    if (running.current) {
      again.current = true;
      return;
    }
    running.current = true;
    try {
      do {
        again.current = false;
        const waiting = await uploadAll(encounterId, (update) => {
          if (!unmounted.current) setState((previous) => ({ ...previous, ...update(previous) }));
        });
        if (waiting === 'network') {
          setState((previous) => ({ ...previous, waitingForNetwork: true }));
          await waitForNetwork();
          if (unmounted.current) return;
          again.current = true;
          continue;
        }
        if (waiting === 'done') {
          const completion = await findCompletion(encounterId);
          // A chunk kept while this round was uploading: send it before declaring the count.
          if (completion && (await listChunks(encounterId)).length > 0) {
            again.current = true;
            continue;
          }
          if (completion) {
            try {
              const encounter = await callApi<Encounter>(
                'POST',
                `/encounters/${encodeURIComponent(encounterId)}/audio/complete`,
                { body: { chunkCount: completion.chunkCount } },
              );
              await deleteCompletion(encounterId);
              if (!unmounted.current) {
                setState((previous) => ({ ...previous, failure: undefined }));
                completedRef.current(encounter);
              }
            } catch (error) {
              if (error instanceof SessionExpired) return;
              if (error instanceof ApiProblem && isTransient(error)) {
                await waitForNetwork();
                again.current = true;
                continue;
              }
              setState((previous) => ({ ...previous, failure: asProblem(error) }));
            }
          }
        }
      } while (again.current && !unmounted.current);
    } catch (error) {
      if (!(error instanceof SessionExpired)) throw error;
    } finally {
      running.current = false;
    }
  }, [encounterId]);

  useEffect(() => {
    unmounted.current = false;
    void Promise.all([listChunks(encounterId), findCompletion(encounterId)]).then(([kept, completion]) => {
      if (unmounted.current) return;
      setState((previous) => ({
        ...previous,
        highestKeptSeq: Math.max(previous.highestKeptSeq, ...kept.map((chunk) => chunk.seq)),
        finished: previous.finished || completion !== undefined,
      }));
    });
    void pump();
    const online = () => void pump();
    window.addEventListener('online', online);
    return () => {
      unmounted.current = true;
      window.removeEventListener('online', online);
    };
  }, [encounterId, pump]);

  const enqueue = useCallback(
    async (seq: number, blob: Blob) => {
      await saveChunk({ encounterId, seq, blob });
      setState((previous) => ({
        ...previous,
        pending: previous.pending + 1,
        highestKeptSeq: Math.max(previous.highestKeptSeq, seq),
      }));
      void pump();
    },
    [encounterId, pump],
  );

  const finish = useCallback(
    async (chunkCount: number) => {
      await saveCompletion({ encounterId, chunkCount });
      setState((previous) => ({ ...previous, finished: true }));
      void pump();
    },
    [encounterId, pump],
  );

  return { state, enqueue, finish };
}

type Update = (previous: ChunkUploadState) => Partial<ChunkUploadState>;

async function uploadAll(encounterId: string, update: (change: Update) => void): Promise<'done' | 'network'> {
  const chunks = await listChunks(encounterId);
  update(() => ({ pending: chunks.length }));
  for (const chunk of chunks) {
    try {
      await callApi('PUT', `/encounters/${encodeURIComponent(encounterId)}/audio/chunks/${chunk.seq}`, {
        rawBody: chunk.blob,
      });
    } catch (error) {
      // The browser is on its way to the login page: the chunk stays for after the next login.
      if (error instanceof SessionExpired) throw error;
      if (error instanceof ApiProblem && isTransient(error)) return 'network';
      // 409 (already stored or already complete), 413, 415: sending it again cannot help.
      update(() => ({ failure: asProblem(error) }));
    }
    await deleteChunk(encounterId, chunk.seq);
    update((previous) => ({
      pending: Math.max(0, previous.pending - 1),
      uploaded: previous.uploaded + 1,
      waitingForNetwork: false,
    }));
  }
  return 'done';
}

const isTransient = (problem: ApiProblem) =>
  problem.status === 0 || problem.status === 429 || problem.status >= 500;

function asProblem(error: unknown): ApiProblem {
  return error instanceof ApiProblem ? error : new ApiProblem(500, String(error), 'internal');
}

/** Resolves when the browser reports it is online again, or after a short delay in case it never says. */
function waitForNetwork(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      window.removeEventListener('online', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, retryDelayMs);
    window.addEventListener('online', done);
  });
}
