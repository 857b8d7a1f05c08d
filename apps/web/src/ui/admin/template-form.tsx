'use client';

import type { TemplateView } from '@healthcare/core/templates/template-schemas';
import { useState } from 'react';
import { callApi } from '../api/call-api';
import { FormError } from '../forms/form-message';
import { TextField } from '../forms/text-field';
import { useFormSubmission } from '../forms/use-form-submission';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

type Localized = TemplateView['sections'][number]['title'];
interface SectionDraft {
  key: string;
  title: string;
  instructions: string;
  /** The texts as stored, so the language not being edited here keeps its own wording. */
  original?: { title: Localized; instructions: Localized };
}

const fields = ['key', 'name', 'sections'] as const;

/**
 * Creates a clinic template, or edits one. Texts are edited in the reader's language; the other
 * language keeps what it had (a new section starts with the same text in both).
 */
export function TemplateForm({
  template,
  onSaved,
  onCancel,
}: {
  template?: TemplateView;
  onSaved: (template: TemplateView) => void;
  onCancel: () => void;
}) {
  const { t, locale } = useI18n();
  const [key, setKey] = useState(template?.key ?? '');
  const [name, setName] = useState(template?.name ?? '');
  const [sections, setSections] = useState<SectionDraft[]>(
    template?.sections.map((section) => ({
      key: section.key,
      title: section.title[locale],
      instructions: section.instructions[locale],
      original: { title: section.title, instructions: section.instructions },
    })) ?? [{ key: '', title: '', instructions: '' }],
  );
  const localized = (text: string, original: Localized | undefined): Localized =>
    original ? { ...original, [locale]: text } : { 'pt-BR': text, en: text };
  const { submitting, fieldErrors, message, onSubmit } = useFormSubmission(fields, async () => {
    const body = {
      ...(template ? {} : { key }),
      name,
      sections: sections.map((section) => ({
        key: section.key,
        title: localized(section.title, section.original?.title),
        instructions: localized(section.instructions, section.original?.instructions),
      })),
    };
    onSaved(
      await callApi<TemplateView>(
        template ? 'PATCH' : 'POST',
        template ? `/templates/${template.key}` : '/templates',
        {
          body,
        },
      ),
    );
  });
  const change = (index: number, patch: Partial<SectionDraft>) =>
    setSections((current) =>
      current.map((section, at) => (at === index ? { ...section, ...patch } : section)),
    );

  return (
    <form className="form template-form" onSubmit={onSubmit} noValidate>
      <FormError message={message} />
      <div className="form__row">
        {template ? null : (
          <TextField
            name="key"
            label={t.admin.templateKey}
            hint={t.admin.templateKeyHint}
            autoComplete="off"
            required
            value={key}
            onValueChange={setKey}
            error={fieldErrors.key}
          />
        )}
        <TextField
          name="name"
          label={t.admin.templateName}
          autoComplete="off"
          required
          value={name}
          onValueChange={setName}
          error={fieldErrors.name}
        />
      </div>
      <fieldset className="template-sections">
        <legend>{t.admin.sectionsTitle}</legend>
        {fieldErrors.sections ? <p className="field__error">{fieldErrors.sections}</p> : null}
        {sections.map((section, index) => {
          const number = String(index + 1);
          const id = `section-${index}`;
          return (
            <fieldset key={index} className="template-section">
              <legend>{interpolate(t.admin.sectionNumber, { number })}</legend>
              <div className="form__row">
                <TextField
                  name={`${id}-key`}
                  label={t.admin.sectionKey}
                  autoComplete="off"
                  required
                  value={section.key}
                  onValueChange={(value) => change(index, { key: value })}
                />
                <TextField
                  name={`${id}-title`}
                  label={t.admin.sectionTitle}
                  autoComplete="off"
                  required
                  value={section.title}
                  onValueChange={(value) => change(index, { title: value })}
                />
              </div>
              <div className="field">
                <label htmlFor={`${id}-instructions`}>{t.admin.sectionInstructions}</label>
                <textarea
                  id={`${id}-instructions`}
                  rows={3}
                  required
                  value={section.instructions}
                  onChange={(event) => change(index, { instructions: event.target.value })}
                />
              </div>
              {sections.length > 1 ? (
                <button
                  type="button"
                  className="button button--small button--quiet"
                  onClick={() => setSections((current) => current.filter((_, at) => at !== index))}
                >
                  {interpolate(t.admin.removeSection, { number })}
                </button>
              ) : null}
            </fieldset>
          );
        })}
        <button
          type="button"
          className="button button--small"
          onClick={() => setSections((current) => [...current, { key: '', title: '', instructions: '' }])}
        >
          {t.admin.addSection}
        </button>
      </fieldset>
      <div className="form__actions">
        <button type="submit" className="button button--primary" disabled={submitting}>
          {submitting ? t.admin.savingTemplate : template ? t.admin.saveTemplate : t.admin.createTemplate}
        </button>
        <button type="button" className="button button--quiet" onClick={onCancel}>
          {t.admin.cancel}
        </button>
      </div>
    </form>
  );
}
