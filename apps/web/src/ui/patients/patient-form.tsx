'use client';

import { useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import { Button } from '../components/button';
import { FormError } from '../forms/form-message';
import { SelectField } from '../forms/select-field';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { patientFields, type PatientFormValues } from './patient-form-values';
import { sexOptions } from './sex-options';

interface PatientFormProps {
  initialValues: PatientFormValues;
  submitLabel: string;
  submittingLabel: string;
  /** Throws an ApiProblem to show; answers 'navigating' when it leaves the page. */
  onSave: (values: PatientFormValues) => Promise<'navigating' | void>;
  /** Shown beside the submit button, e.g. a cancel link. */
  actions?: ReactNode;
}

const row = 'grid gap-4 sm:grid-cols-2';

export function PatientForm({
  initialValues,
  submitLabel,
  submittingLabel,
  onSave,
  actions,
}: PatientFormProps) {
  const t = useTranslations('patient');
  const sex = useTranslations('sex');
  const [values, setValues] = useState(initialValues);
  const setField = (field: keyof PatientFormValues) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));
  const { submitting, fieldErrors, message, onSubmit } = useFormSubmission(patientFields, () =>
    onSave(values),
  );

  return (
    <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <TextField
        name="name"
        label={t('name')}
        autoComplete="off"
        required
        value={values.name}
        onValueChange={setField('name')}
        error={fieldErrors.name}
      />
      <div className={row}>
        <TextField
          name="birthDate"
          type="date"
          label={t('birthDate')}
          required
          min="1900-01-01"
          value={values.birthDate}
          onValueChange={setField('birthDate')}
          error={fieldErrors.birthDate}
        />
        <SelectField
          name="sex"
          label={t('sex')}
          placeholder={t('sexPlaceholder')}
          required
          options={sexOptions(sex)}
          value={values.sex}
          onValueChange={setField('sex')}
          error={fieldErrors.sex}
        />
      </div>
      <TextField
        name="documentId"
        label={t('documentId')}
        optionalLabel={t('optional')}
        autoComplete="off"
        value={values.documentId}
        onValueChange={setField('documentId')}
        error={fieldErrors.documentId}
      />
      <div className={row}>
        <TextField
          name="phone"
          type="tel"
          label={t('phone')}
          optionalLabel={t('optional')}
          autoComplete="off"
          value={values.phone}
          onValueChange={setField('phone')}
          error={fieldErrors.phone}
        />
        <TextField
          name="email"
          type="email"
          label={t('email')}
          optionalLabel={t('optional')}
          autoComplete="off"
          value={values.email}
          onValueChange={setField('email')}
          error={fieldErrors.email}
        />
      </div>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={submitting}>
          {submitting ? submittingLabel : submitLabel}
        </Button>
        {actions}
      </div>
    </form>
  );
}
