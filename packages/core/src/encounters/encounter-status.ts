import { AppError } from '../errors/app-error';
import type { EncounterStatus } from './encounter-schemas';

/**
 * The encounter's life: audio arrives (recording), is transcribed, a note is generated and
 * reviewed (ready), then signed, which is final. Failed encounters can be retried.
 */
const allowedTransitions: Record<EncounterStatus, readonly EncounterStatus[]> = {
  created: ['recording', 'transcribing'],
  recording: ['transcribing', 'failed'],
  transcribing: ['generating', 'failed'],
  generating: ['ready', 'failed'],
  ready: ['generating', 'signed'],
  signed: [],
  failed: ['recording', 'transcribing', 'generating'],
};

export function canTransition(from: EncounterStatus, to: EncounterStatus): boolean {
  return allowedTransitions[from].includes(to);
}

export function assertTransition(from: EncounterStatus, to: EncounterStatus): void {
  if (!canTransition(from, to)) {
    throw new AppError('conflict', `An encounter that is ${from} cannot become ${to}.`, {
      members: { status: from },
    });
  }
}
