'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import type { EncounterTranscript } from '@healthcare/core/transcripts/transcript-schemas';
import { useFormatter, useTranslations } from 'next-intl';
import Link from 'next/link';
import { useCallback, useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { useProblemMessage } from '../forms/use-problem-message';
import { Badge } from '../components/badge';
import { InlineAlert } from '../components/inline-alert';
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
  const t = useTranslations('encounter');
  const consentText = useTranslations('recordingConsent');
  const format = useFormatter();
  const problemMessage = useProblemMessage();
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

  if (load.status === 'loading' || (load.status === 'loaded' && !encounter))
    return (
      <p className="text-muted" role="status">
        {t('loading')}
      </p>
    );
  if (load.status === 'failed') {
    if (load.problem.status === 404 || load.problem.status === 400) return <h1>{t('notFound')}</h1>;
    return <InlineAlert role="alert">{problemMessage(load.problem)}</InlineAlert>;
  }
  if (!encounter) return null;

  const busy = encounter.status === 'transcribing' || encounter.status === 'generating';
  const patientName = patient.state.status === 'loaded' ? patient.state.patient.name : '';
  const longDateTime = (iso: string) =>
    format.dateTime(new Date(iso), { dateStyle: 'long', timeStyle: 'short' });

  return (
    <div className="flex flex-col gap-5">
      <Link
        className="self-start text-[0.95rem] no-underline hover:underline"
        href={`/patients/${encounter.patientId}`}
      >
        <span aria-hidden="true">← </span>
        {t('backToPatient')}
      </Link>
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div className="flex flex-col gap-1">
          <h1>{patientName || t('pageTitle')}</h1>
          <p className="text-muted">{t('startedAt', { date: longDateTime(encounter.createdAt) })}</p>
        </div>
        <Badge tone={events.connected ? 'primary' : 'neutral'} data-live={events.connected}>
          {events.connected ? (
            <span className="size-2 rounded-full bg-primary motion-safe:animate-pulse" aria-hidden="true" />
          ) : null}
          {events.connected ? t('statusConnected') : t('statusReconnecting')}
        </Badge>
      </div>
      <EncounterSteps status={encounter.status} />
      {encounter.status === 'failed' ? (
        <InlineAlert role="alert">{t('failed', { reason: encounter.failureReason ?? '' })}</InlineAlert>
      ) : null}
      {encounter.consent || encounter.audio.deletedAt ? (
        <div className="flex flex-col gap-1 text-sm text-muted">
          {encounter.consent ? (
            <p>{consentText('confirmed', { date: longDateTime(encounter.consent.confirmedAt) })}</p>
          ) : null}
          {encounter.audio.deletedAt ? (
            <p>
              {consentText('audioDeleted', {
                date: format.dateTime(new Date(encounter.audio.deletedAt), { dateStyle: 'long' }),
              })}
            </p>
          ) : null}
        </div>
      ) : null}
      {/* Two columns on a wide screen; one on a portrait tablet, recorder and transcript first. */}
      <div className="grid grid-cols-1 items-start gap-5 min-[900px]:grid-cols-[minmax(0,1fr)_minmax(0,1.2fr)]">
        <div className="flex min-w-0 flex-col gap-5">
          {/* Encounters recorded before consent was asked for keep their recorder as it was. */}
          {encounter.consent || encounter.status !== 'created' ? (
            <RecorderPanel encounter={encounter} onEncounter={setEncounter} />
          ) : (
            <RecordingConsentPanel encounter={encounter} onEncounter={setEncounter} />
          )}
          <TranscriptPanel segments={segments} highlighted={highlighted} busy={busy} />
        </div>
        <div className="flex min-w-0 flex-col gap-5">
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
