'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import type { EncounterTranscript } from '@healthcare/core/transcripts/transcript-schemas';
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { usePatient } from '../patients/use-patient';
import { EncounterSteps } from './encounter-steps';
import { NoteReview } from './note-review';
import { RecorderPanel } from './recorder-panel';
import { RecordingConsentPanel } from './recording-consent-panel';
import { TranscriptPanel } from './transcript-panel';
import { useEncounterEvents } from './use-encounter-events';
import { useNote } from './use-note';

type Segment = EncounterTranscript['segments'][number];
type LoadState = { status: 'loading' } | { status: 'loaded' } | { status: 'failed'; problem: ApiProblem };

/** Record, watch the transcript grow, review the note against its evidence, sign. */
export function EncounterScreen({ id }: { id: string }) {
  const { t, locale } = useI18n();
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [encounter, setEncounter] = useState<Encounter | undefined>();
  const [segments, setSegments] = useState<Segment[]>([]);
  const [highlighted, setHighlighted] = useState<ReadonlySet<string>>(new Set());
  const note = useNote(id);

  const addSegments = useCallback((incoming: Segment[]) => {
    setSegments((current) => {
      const byId = new Map(current.map((segment) => [segment.id, segment]));
      for (const segment of incoming) byId.set(segment.id, segment);
      return [...byId.values()].sort((a, b) => a.start - b.start);
    });
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    const path = `/encounters/${encodeURIComponent(id)}`;
    Promise.all([
      callApi<Encounter>('GET', path, { signal: controller.signal }),
      callApi<EncounterTranscript>('GET', `${path}/transcript`, { signal: controller.signal }),
    ]).then(
      ([loaded, transcript]) => {
        setEncounter(loaded);
        addSegments(transcript.segments);
        setLoad({ status: 'loaded' });
      },
      (error: unknown) => {
        if (controller.signal.aborted || error instanceof SessionExpired) return;
        setLoad({
          status: 'failed',
          problem: error instanceof ApiProblem ? error : unexpectedProblem(error),
        });
      },
    );
    return () => controller.abort();
  }, [id, addSegments]);

  const { noteChanged } = note;
  const events = useEncounterEvents(id, {
    status: ({ status, failureReason }) =>
      setEncounter((current) => (current ? { ...current, status, failureReason } : current)),
    segments: ({ segments: incoming }) => addSegments(incoming),
    note: ({ version }) => noteChanged(version),
  });

  const onHighlight = useCallback((evidence: readonly string[]) => setHighlighted(new Set(evidence)), []);
  const patient = usePatient(encounter?.patientId ?? '');
  const startedAt = useMemo(
    () =>
      encounter
        ? new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
            new Date(encounter.createdAt),
          )
        : '',
    [encounter, locale],
  );

  if (load.status === 'loading' || (load.status === 'loaded' && !encounter))
    return (
      <p className="muted" role="status">
        {t.encounter.loading}
      </p>
    );
  if (load.status === 'failed') {
    if (load.problem.status === 404 || load.problem.status === 400) return <h1>{t.encounter.notFound}</h1>;
    return (
      <p role="alert" className="form-error">
        {problemMessage(load.problem, t)}
      </p>
    );
  }
  if (!encounter) return null;

  const busy = encounter.status === 'transcribing' || encounter.status === 'generating';
  const patientName = patient.state.status === 'loaded' ? patient.state.patient.name : '';

  return (
    <div className="encounter">
      <Link className="back-link" href={`/patients/${encounter.patientId}`}>
        ← {t.encounter.backToPatient}
      </Link>
      <div className="encounter-header">
        <div>
          <h1>{patientName || t.encounter.pageTitle}</h1>
          <p className="muted">{interpolate(t.encounter.startedAt, { date: startedAt })}</p>
        </div>
        <span className={events.connected ? 'live-badge live-on' : 'live-badge'}>
          {events.connected ? t.encounter.statusConnected : t.encounter.statusReconnecting}
        </span>
      </div>
      <EncounterSteps status={encounter.status} />
      {encounter.status === 'failed' ? (
        <p role="alert" className="form-error">
          {interpolate(t.encounter.failed, { reason: encounter.failureReason ?? '' })}
        </p>
      ) : null}
      {encounter.consent ? (
        <p className="muted">
          {interpolate(t.recordingConsent.confirmed, {
            date: new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short' }).format(
              new Date(encounter.consent.confirmedAt),
            ),
          })}
        </p>
      ) : null}
      {encounter.audio.deletedAt ? (
        <p className="muted">
          {interpolate(t.recordingConsent.audioDeleted, {
            date: new Intl.DateTimeFormat(locale, { dateStyle: 'long' }).format(
              new Date(encounter.audio.deletedAt),
            ),
          })}
        </p>
      ) : null}
      <div className="encounter-columns">
        <div className="encounter-column">
          {/* Encounters recorded before consent was asked for keep their recorder as it was. */}
          {encounter.consent || encounter.status !== 'created' ? (
            <RecorderPanel encounter={encounter} onEncounter={setEncounter} />
          ) : (
            <RecordingConsentPanel encounter={encounter} onEncounter={setEncounter} />
          )}
          <TranscriptPanel segments={segments} highlighted={highlighted} busy={busy} />
        </div>
        <div className="encounter-column">
          <NoteReview
            encounter={encounter}
            segments={segments}
            note={note}
            busy={busy}
            onHighlight={onHighlight}
          />
        </div>
      </div>
    </div>
  );
}
