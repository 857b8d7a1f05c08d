import type { Patient } from '@healthcare/core/patients/patient-schemas';
import type { Dictionary } from '../i18n/dictionary';

export type PatientSex = Patient['sex'];

export function sexOptions(t: Dictionary): { value: PatientSex; label: string }[] {
  // Typed against the API's values: a sex added there fails the type check until it has a label.
  const labels: Record<PatientSex, string> = t.sex;
  return (Object.keys(labels) as PatientSex[]).map((value) => ({ value, label: labels[value] }));
}
