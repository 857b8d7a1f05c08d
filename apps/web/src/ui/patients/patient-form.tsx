'use client';

import { useState, type ReactNode } from 'react';
import { FormError } from '../forms/form-message';
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { useI18n } from '../i18n/i18n-provider';
import { patientFields, type PatientFormValues } from './patient-form-values';
import { sexOptions } from './sex-options';

interface PatientFormProps {
  initialValues: PatientFormValues;
  submitLabel: string;
  submittingLabel: string;
  /** Throws an ApiProblem to show; answers 'navigating' when it leaves the page. */
  onSave: (values: PatientFormValues) => Promise<'navigating' | void>;
  /** Shown beside the submit button: a cancel link, a saved notice. */
  actions?: ReactNode;
}

export function PatientForm({
  initialValues,
  submitLabel,
  submittingLabel,
  onSave,
  actions,
}: PatientFormProps) {
  const { t } = useI18n();
  const [values, setValues] = useState(initialValues);
  const setField = (field: keyof PatientFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { submitting, fieldErrors, message, onSubmit } = useFormSubmission(patientFields, () =>
    onSave(values),
  );

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <TextField
        name="name"
        label={t.patient.name}
        autoComplete="off"
        required
        value={values.name}
        onValueChange={setField('name')}
        error={fieldErrors.name}
      />
      <div className="form__row">
        <TextField
          name="birthDate"
          type="date"
          label={t.patient.birthDate}
          required
          min="1900-01-01"
          value={values.birthDate}
          onValueChange={setField('birthDate')}
          error={fieldErrors.birthDate}
        />
        <SelectField
          name="sex"
          label={t.patient.sex}
          placeholder={t.patient.sexPlaceholder}
          required
          options={sexOptions(t)}
          value={values.sex}
          onValueChange={setField('sex')}
          error={fieldErrors.sex}
        />
      </div>
      <TextField
        name="documentId"
        label={t.patient.documentId}
        optionalLabel={t.patient.optional}
        autoComplete="off"
        value={values.documentId}
        onValueChange={setField('documentId')}
        error={fieldErrors.documentId}
      />
      <div className="form__row">
        <TextField
          name="phone"
          type="tel"
          label={t.patient.phone}
          optionalLabel={t.patient.optional}
          autoComplete="off"
          value={values.phone}
          onValueChange={setField('phone')}
          error={fieldErrors.phone}
        />
        <TextField
          name="email"
          type="email"
          label={t.patient.email}
          optionalLabel={t.patient.optional}
          autoComplete="off"
          value={values.email}
          onValueChange={setField('email')}
          error={fieldErrors.email}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </button>
        {actions}
      </div>
    </form>
  );
}
