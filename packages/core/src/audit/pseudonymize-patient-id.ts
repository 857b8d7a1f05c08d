import { createHmac } from 'node:crypto';

/**
 * What the audit trail keeps of an erased patient: an HMAC-SHA256 of clinic and patient id under
 * a secret derived from the signing key. The same patient always maps to the same pseudonym, so
 * an auditor holding the id (from a legal request, say) can still find that patient's trail, while
 * the trail alone names no one and cannot be reversed without the key.
 */
export function pseudonymizePatientId(secret: string, clinicId: string, patientId: string): string {
  return `pseudo_${createHmac('sha256', secret).update(`${clinicId}:${patientId}`).digest('hex').slice(0, 32)}`;
}
