'use client';

import type { NoteView } from '@healthcare/core/notes/note-schemas';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';

export type NoteState =
  { status: 'absent' } | { status: 'loaded'; note: NoteView } | { status: 'failed'; problem: ApiProblem };

export interface ItemChange {
  sectionKey: string;
  itemId: string;
  text?: string;
  acknowledgeFlags?: boolean;
}

/**
 * The encounter's note and the actions on it. Every write carries the version it was based on
 * (If-Match): when another tab saved first the server answers 412 and `conflict` is set, so the
 * reader is told instead of their colleague's edit being silently overwritten.
 */
export function useNote(encounterId: string) {
  const [state, setState] = useState<NoteState>({ status: 'absent' });
  const [conflict, setConflict] = useState(false);
  const conflictRef = useRef(false);
  conflictRef.current = conflict;
  const [saving, setSaving] = useState(false);
  const [actionProblem, setActionProblem] = useState<ApiProblem | undefined>();
  const noteRef = useRef<NoteView | undefined>(undefined);
  // While a statement is open for editing, a version saved elsewhere is not pulled in under
  // the reader's cursor: their next save meets the 412 and they choose what to do.
  const editing = useRef(0);
  const stale = useRef(false);
  const base = `/encounters/${encodeURIComponent(encounterId)}/note`;

  const accept = useCallback((note: NoteView) => {
    noteRef.current = note;
    setState({ status: 'loaded', note });
  }, []);

  const reload = useCallback(async () => {
    stale.current = false;
    try {
      accept(await callApi<NoteView>('GET', base));
      setConflict(false);
    } catch (error) {
      if (error instanceof SessionExpired) return;
      if (error instanceof ApiProblem && error.status === 404) return setState({ status: 'absent' });
      setState({ status: 'failed', problem: error instanceof ApiProblem ? error : unexpectedProblem(error) });
    }
  }, [accept, base]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const write = useCallback(
    async (method: 'PATCH' | 'POST', path: string, body: unknown): Promise<boolean> => {
      const note = noteRef.current;
      if (!note) return false;
      setSaving(true);
      setActionProblem(undefined);
      try {
        accept(await callApi<NoteView>(method, path, { body, headers: { 'if-match': `"${note.version}"` } }));
        return true;
      } catch (error) {
        if (error instanceof SessionExpired) return false;
        if (error instanceof ApiProblem && error.status === 412) setConflict(true);
        else setActionProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
        return false;
      } finally {
        setSaving(false);
      }
    },
    [accept],
  );

  /** Sends the changed statement's section with all its items, as the API asks. */
  const changeItem = useCallback(
    (change: ItemChange) => {
      const note = noteRef.current;
      const section = note?.sections.find((candidate) => candidate.key === change.sectionKey);
      if (!section) return Promise.resolve(false);
      const items = section.items.map((item) =>
        item.id === change.itemId
          ? {
              id: item.id,
              text: change.text ?? item.text,
              ...(change.acknowledgeFlags ? { acknowledgeFlags: true } : {}),
            }
          : { id: item.id, text: item.text },
      );
      return write('PATCH', base, { sections: [{ key: section.key, items }] });
    },
    [base, write],
  );

  /** A `note` event: another version exists. Our own saves arrive with a version we already hold. */
  const noteChanged = useCallback(
    (version: number) => {
      if (noteRef.current && version <= noteRef.current.version) return;
      if (editing.current > 0) stale.current = true;
      else void reload();
    },
    [reload],
  );

  const beginEdit = useCallback(() => {
    editing.current += 1;
  }, []);

  const endEdit = useCallback(() => {
    editing.current = Math.max(0, editing.current - 1);
    if (editing.current === 0 && stale.current && !conflictRef.current) void reload();
  }, [reload]);

  const sign = useCallback(() => write('POST', `${base}/sign`, {}), [base, write]);

  const addAddendum = useCallback(
    async (text: string) => {
      setActionProblem(undefined);
      try {
        await callApi('POST', `${base}/addenda`, { body: { text } });
        await reload();
        return true;
      } catch (error) {
        if (!(error instanceof SessionExpired))
          setActionProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
        return false;
      }
    },
    [base, reload],
  );

  return {
    state,
    conflict,
    saving,
    actionProblem,
    reload,
    noteChanged,
    beginEdit,
    endEdit,
    changeItem,
    sign,
    addAddendum,
  };
}
