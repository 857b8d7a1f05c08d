'use client';

import type { Patient, PatientList } from '@healthcare/core/patients/patient-schemas';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';

const pageSize = 25;

export interface PatientSearch {
  items: Patient[];
  /** There is another page to load. */
  hasMore: boolean;
  loading: boolean;
  problem: ApiProblem | undefined;
  loadMore: () => void;
  retry: () => void;
}

/**
 * Pages of patients matching `query`. A new query cancels whatever is still loading for the
 * previous one, so a slow answer never overwrites a newer list.
 */
export function usePatientSearch(query: string): PatientSearch {
  const [items, setItems] = useState<Patient[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ApiProblem>();
  const inFlight = useRef<AbortController>(undefined);
  const lastCursor = useRef<string | null>(null);

  const load = useCallback(
    (cursor: string | null) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      lastCursor.current = cursor;
      setLoading(true);
      setProblem(undefined);
      const params = new URLSearchParams({ limit: String(pageSize) });
      if (query) params.set('q', query);
      if (cursor) params.set('cursor', cursor);
      callApi<PatientList>('GET', `/patients?${params}`, { signal: controller.signal }).then(
        (page) => {
          setItems((current) => (cursor ? [...current, ...page.items] : page.items));
          setNextCursor(page.nextCursor);
          setLoading(false);
        },
        (error: unknown) => {
          if (controller.signal.aborted || error instanceof SessionExpired) return;
          setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
          setLoading(false);
        },
      );
    },
    [query],
  );

  useEffect(() => {
    load(null);
    return () => inFlight.current?.abort();
  }, [load]);

  return {
    items,
    hasMore: nextCursor !== null,
    loading,
    problem,
    loadMore: () => load(nextCursor),
    retry: () => load(lastCursor.current),
  };
}
