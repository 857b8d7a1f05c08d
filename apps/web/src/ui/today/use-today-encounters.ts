'use client';

import type { ClinicEncounterList } from '@healthcare/core/encounters/encounter-schemas';
import { useCallback, useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';

// Statuses move on in the background (transcribing, writing the note): the list follows them.
const refreshEveryMs = 15_000;

export type TodayState =
  | { status: 'loading' }
  | { status: 'loaded'; list: ClinicEncounterList }
  | { status: 'failed'; problem: ApiProblem };

/** Today in the reader's own time zone, from their midnight to the next. */
function todayPeriod(now = new Date()) {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const to = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return `from=${encodeURIComponent(from.toISOString())}&to=${encodeURIComponent(to.toISOString())}`;
}

export function useTodayEncounters() {
  const [state, setState] = useState<TodayState>({ status: 'loading' });

  const load = useCallback(async (signal?: AbortSignal) => {
    try {
      const list = await callApi<ClinicEncounterList>('GET', `/encounters?${todayPeriod()}`, {
        ...(signal ? { signal } : {}),
      });
      setState({ status: 'loaded', list });
    } catch (error) {
      if (signal?.aborted || error instanceof SessionExpired) return;
      setState({ status: 'failed', problem: error instanceof ApiProblem ? error : unexpectedProblem(error) });
    }
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') void load(controller.signal);
    }, refreshEveryMs);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [load]);

  return { state, refresh: () => void load() };
}
