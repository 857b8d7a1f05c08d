'use client';

import type { AuditEvent, AuditEventList } from '@healthcare/core/audit/audit-schemas';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';

export interface AuditFilters {
  actorUserId: string;
  action: string;
  patientId: string;
  /** YYYY-MM-DD in the reader's time zone; both days included. */
  fromDay: string;
  toDay: string;
}

export const noFilters: AuditFilters = { actorUserId: '', action: '', patientId: '', fromDay: '', toDay: '' };

const pageSize = 50;

function localMidnight(day: string, addDays = 0): string {
  const [year = 0, month = 1, date = 1] = day.split('-').map(Number);
  return new Date(year, month - 1, date + addDays).toISOString();
}

function toQuery(filters: AuditFilters, cursor: string | null): string {
  const params = new URLSearchParams({ limit: String(pageSize) });
  if (filters.actorUserId) params.set('actorUserId', filters.actorUserId);
  if (filters.action) params.set('action', filters.action);
  if (filters.patientId) params.set('patientId', filters.patientId);
  if (filters.fromDay) params.set('from', localMidnight(filters.fromDay));
  if (filters.toDay) params.set('to', localMidnight(filters.toDay, 1));
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

/** Pages of audit events for the applied filters, newest first. */
export function useAuditEvents(filters: AuditFilters) {
  const [items, setItems] = useState<AuditEvent[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const inFlight = useRef<AbortController>(undefined);

  const load = useCallback(
    (cursor: string | null) => {
      inFlight.current?.abort();
      const controller = new AbortController();
      inFlight.current = controller;
      setLoading(true);
      setProblem(undefined);
      callApi<AuditEventList>('GET', `/audit?${toQuery(filters, cursor)}`, {
        signal: controller.signal,
      }).then(
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
    [filters],
  );

  useEffect(() => {
    load(null);
    return () => inFlight.current?.abort();
  }, [load]);

  return { items, loading, problem, hasMore: nextCursor !== null, loadMore: () => load(nextCursor) };
}
