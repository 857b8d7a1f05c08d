'use client';

import type { EncounterStatus } from '@healthcare/core/encounters/encounter-schemas';
import { useI18n } from '../i18n/i18n-provider';

const order: EncounterStatus[] = ['recording', 'transcribing', 'generating', 'ready', 'signed'];

/** Where the encounter is, so the screen never looks frozen while the server works. */
export function EncounterSteps({ status }: { status: EncounterStatus }) {
  const { t } = useI18n();
  const labels: Record<string, string> = {
    recording: t.encounter.stepRecording,
    transcribing: t.encounter.stepTranscribing,
    generating: t.encounter.stepGenerating,
    ready: t.encounter.stepReady,
    signed: t.encounter.stepSigned,
  };
  const position = status === 'created' ? -1 : order.indexOf(status);
  return (
    <ol className="steps" aria-label={t.encounter.steps}>
      {order.map((step, index) => {
        const state =
          index < position || status === 'signed' ? 'done' : index === position ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={`step step-${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="step-label">{labels[step]}</span>
            {state === 'done' ? <span className="visually-hidden"> ({t.encounter.stepDone})</span> : null}
            {state === 'current' && step !== 'ready' ? (
              <span className="step-progress" aria-hidden="true" />
            ) : null}
          </li>
        );
      })}
    </ol>
  );
}
