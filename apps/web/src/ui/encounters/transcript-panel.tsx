'use client';

import type { EncounterTranscript } from '@healthcare/core/transcripts/transcript-schemas';
import { useTranslations } from 'next-intl';
import { useEffect, useRef } from 'react';
import { CardSection } from '../components/card';
import { cn } from '../components/cn';
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
  const t = useTranslations('encounter');
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    const first = list.current?.querySelector('[data-evidence]');
    first?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [highlighted]);

  return (
    <CardSection className="flex flex-col gap-3" aria-labelledby="transcript-title">
      <h2 id="transcript-title">{t('transcript')}</h2>
      {segments.length === 0 ? (
        <p className="text-muted">{busy ? t('transcribing') : t('transcriptEmpty')}</p>
      ) : (
        <ol className="m-0 max-h-112 list-none overflow-y-auto p-0" ref={list} aria-live="polite">
          {segments.map((segment) => {
            const evidence = highlighted.has(segment.id);
            return (
              <li
                key={segment.id}
                data-segment-id={segment.id}
                // The marker the evidence highlight is found by, in this component and in tests.
                data-evidence={evidence ? '' : undefined}
                className={cn(
                  'flex gap-2.5 rounded-md border-l-[3px] px-2 py-1 transition-colors',
                  evidence ? 'border-l-[#8a6d00] bg-[#fff3c4]' : 'border-l-transparent',
                )}
              >
                <time className="pt-0.5 text-sm text-muted tabular-nums">{formatClock(segment.start)}</time>
                {segment.speaker ? <span className="font-semibold">{segment.speaker}:</span> : null}
                <span>{segment.text}</span>
              </li>
            );
          })}
        </ol>
      )}
      {busy && segments.length > 0 ? (
        <p className="text-muted" role="status">
          {t('transcribing')}
        </p>
      ) : null}
    </CardSection>
  );
}
