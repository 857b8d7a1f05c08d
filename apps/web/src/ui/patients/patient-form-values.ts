import type { Patient } from '@healthcare/core/patients/patient-schemas';

/** What the form's inputs hold: text only, an empty string for a blank field. */
export interface PatientFormValues {
  name: string;
  birthDate: string;
  sex: string;
  documentId: string;
  phone: string;
  email: string;
}

export const patientFields = ['name', 'birthDate', 'sex', 'documentId', 'phone', 'email'] as const;

export const emptyPatientForm: PatientFormValues = {
  name: '',
  birthDate: '',
  sex: '',
  documentId: '',
  phone: '',
  email: '',
};

export function toPatientFormValues(patient: Patient): PatientFormValues {
  return {
    name: patient.name,
    birthDate: patient.birthDate,
    sex: patient.sex,
    documentId: patient.documentId ?? '',
    phone: patient.phone ?? '',
    email: patient.email ?? '',
  };
}

/** For POST: blank optional fields are left out (the API rejects empty strings). */
export function toCreatePatientBody(values: PatientFormValues) {
  const { documentId, phone, email, ...required } = values;
  return {
    ...required,
    ...(documentId.trim() ? { documentId } : {}),
    ...(phone.trim() ? { phone } : {}),
    ...(email.trim() ? { email } : {}),
  };
}

/** For PATCH: every field is sent; a blank optional field is null, which clears it. */
export function toUpdatePatientBody(values: PatientFormValues) {
  const orNull = (value: string) => (value.trim() ? value : null);
  return {
    name: values.name,
    birthDate: values.birthDate,
    sex: values.sex,
    documentId: orNull(values.documentId),
    phone: orNull(values.phone),
    email: orNull(values.email),
  };
}
