import { AppError } from '../errors/app-error';

/** Audio is personal health data: none is accepted before the patient agreed to be recorded. */
export function assertRecordingConsent(encounter: { consentConfirmedAt: Date | null }): void {
  if (!encounter.consentConfirmedAt) {
    throw new AppError(
      'conflict',
      'The patient has not consented to being recorded. Record their consent (POST /encounters/{id}/consent), then upload.',
      { members: { reason: 'consent_required' } },
    );
  }
}
