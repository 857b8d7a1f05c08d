'use client';

import type { EncounterTranscript } from '@healthcare/core/transcripts/transcript-schemas';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n-provider';
import { formatClock } from './format-clock';

type Segment = EncounterTranscript['segments'][number];

/** The transcript as it grows; segments cited by the statement in focus are highlighted. */
export function TranscriptPanel({
  segments,
  highlighted,
  busy,
}: {
  segments: Segment[];
  highlighted: ReadonlySet<string>;
  busy: boolean;
}) {
  const { t } = useI18n();
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const first = list.current?.querySelector('.segment-evidence');
    first?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [highlighted]);

  return (
    <section className="card transcript" aria-labelledby="transcript-title">
      <h2 id="transcript-title">{t.encounter.transcript}</h2>
      {segments.length === 0 ? (
        <p className="muted">{busy ? t.encounter.transcribing : t.encounter.transcriptEmpty}</p>
      ) : (
        <ol className="segments" ref={list} aria-live="polite">
          {segments.map((segment) => (
            <li
              key={segment.id}
              data-segment-id={segment.id}
              className={highlighted.has(segment.id) ? 'segment segment-evidence' : 'segment'}
            >
              <time className="segment-time">{formatClock(segment.start)}</time>
              {segment.speaker ? <span className="segment-speaker">{segment.speaker}:</span> : null}
              <span className="segment-text">{segment.text}</span>
            </li>
          ))}
        </ol>
      )}
      {busy && segments.length > 0 ? (
        <p className="muted" role="status">
          {t.encounter.transcribing}
        </p>
      ) : null}
    </section>
  );
}
