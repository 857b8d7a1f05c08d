import { randomBytes } from 'node:crypto';

/**
 * Every object key is built here, from server-generated ids only. Everything a patient owns
 * lives under one prefix, so erasing a patient is one prefix delete, which also catches
 * objects a crash left without a database row.
 */
export const objectKeys = {
  patient: (clinicId: string, patientId: string) => `clinics/${clinicId}/patients/${patientId}/`,
  encounter: (clinicId: string, patientId: string, encounterId: string) =>
    `${objectKeys.patient(clinicId, patientId)}encounters/${encounterId}/`,
  /** A random suffix per attempt: two concurrent uploads never write the same object. */
  recording: (clinicId: string, patientId: string, encounterId: string) =>
    `${objectKeys.encounter(clinicId, patientId, encounterId)}recording-${attemptId()}`,
  chunk: (clinicId: string, patientId: string, encounterId: string, seq: number) =>
    `${objectKeys.encounter(clinicId, patientId, encounterId)}chunks/${String(seq).padStart(6, '0')}-${attemptId()}`,
  document: (clinicId: string, patientId: string, documentId: string) =>
    `${objectKeys.patient(clinicId, patientId)}documents/${documentId}`,
  /** Under the patient too: an erasure must not leave a copy of the record behind. */
  patientExport: (clinicId: string, patientId: string, exportId: string) =>
    `${objectKeys.patient(clinicId, patientId)}exports/${exportId}.zip`,
};

function attemptId(): string {
  return randomBytes(6).toString('hex');
}
