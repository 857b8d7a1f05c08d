'use client';

import type { EncounterStatus } from '@healthcare/core/encounters/encounter-schemas';
import { useTranslations } from 'next-intl';
import { cn } from '../components/cn';

const order = ['recording', 'transcribing', 'generating', 'ready', 'signed'] as const;
const labelKeys = {
  recording: 'stepRecording',
  transcribing: 'stepTranscribing',
  generating: 'stepGenerating',
  ready: 'stepReady',
  signed: 'stepSigned',
} as const;

/** Where the encounter is, so the screen never looks frozen while the server works. */
export function EncounterSteps({ status }: { status: EncounterStatus }) {
  const t = useTranslations('encounter');
  const position = status === 'created' ? -1 : order.indexOf(status as (typeof order)[number]);
  return (
    <ol className="m-0 flex list-none flex-wrap gap-2 p-0" aria-label={t('steps')}>
      {order.map((step, index) => {
        const state =
          index < position || status === 'signed' ? 'done' : index === position ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={cn(
              'inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-[0.9rem]',
              state === 'done' && 'border-primary bg-primary-soft text-primary-hover',
              state === 'current' && 'border-text bg-surface font-semibold text-text',
              state === 'todo' && 'border-border bg-surface text-muted',
            )}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            {state === 'done' ? <span aria-hidden="true">✓</span> : null}
            <span>{t(labelKeys[step])}</span>
            {state === 'done' ? <span className="sr-only"> ({t('stepDone')})</span> : null}
            {state === 'current' && step !== 'ready' ? (
              <span
                className="size-3 rounded-full border-2 border-border border-t-primary motion-safe:animate-spin"
                aria-hidden="true"
              />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
