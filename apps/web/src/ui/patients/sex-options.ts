import type { Patient } from '@healthcare/core/patients/patient-schemas';

export type PatientSex = Patient['sex'];

// Typed against the API's values: a sex added there fails the type check until it is listed here
// and, through `label`, until it has a message.
const sexes: Record<PatientSex, true> = { female: true, male: true, other: true, unknown: true };

/** `label` is `useTranslations('sex')`. */
export function sexOptions(label: (sex: PatientSex) => string): { value: PatientSex; label: string }[] {
  return (Object.keys(sexes) as PatientSex[]).map((value) => ({ value, label: label(value) }));
}
