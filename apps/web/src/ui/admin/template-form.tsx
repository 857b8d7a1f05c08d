'use client';

import type { TemplateView } from '@healthcare/core/templates/template-schemas';
import { useLocale, useTranslations } from 'next-intl';
import { useState } from 'react';
import { callApi } from '../api/call-api';
import { Button } from '../components/button';
import { FormField } from '../components/form-field';
import { InlineAlert } from '../components/inline-alert';
import { Input } from '../components/input';
import { Textarea } from '../components/textarea';
import { useFormSubmission } from '../forms/use-form-submission';

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
  const t = useTranslations('admin');
  const locale = useLocale();
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
    <form className="flex flex-col gap-4" onSubmit={onSubmit} noValidate>
      {message ? <InlineAlert role="alert">{message}</InlineAlert> : null}
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        {template ? null : (
          <FormField id="key" label={t('templateKey')} hint={t('templateKeyHint')} error={fieldErrors.key}>
            {(control) => (
              <Input
                {...control}
                name="key"
                autoComplete="off"
                required
                value={key}
                onChange={(event) => setKey(event.target.value)}
              />
            )}
          </FormField>
        )}
        <FormField id="name" label={t('templateName')} error={fieldErrors.name}>
          {(control) => (
            <Input
              {...control}
              name="name"
              autoComplete="off"
              required
              value={name}
              onChange={(event) => setName(event.target.value)}
            />
          )}
        </FormField>
      </div>
      <fieldset className="m-0 flex min-w-0 flex-col gap-3 rounded-card border border-border px-4 pt-3 pb-4">
        <legend className="px-1 font-semibold">{t('sectionsTitle')}</legend>
        {fieldErrors.sections ? (
          <p className="text-sm font-medium text-danger">{fieldErrors.sections}</p>
        ) : null}
        {sections.map((section, index) => {
          const number = index + 1;
          const id = `section-${index}`;
          return (
            <fieldset
              key={index}
              className="m-0 flex min-w-0 flex-col gap-3 rounded-card border border-border bg-bg/60 px-4 pt-3 pb-4"
            >
              <legend className="px-1 font-semibold">{t('sectionNumber', { number })}</legend>
              <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
                <FormField id={`${id}-key`} label={t('sectionKey')}>
                  {(control) => (
                    <Input
                      {...control}
                      autoComplete="off"
                      required
                      value={section.key}
                      onChange={(event) => change(index, { key: event.target.value })}
                    />
                  )}
                </FormField>
                <FormField id={`${id}-title`} label={t('sectionTitle')}>
                  {(control) => (
                    <Input
                      {...control}
                      autoComplete="off"
                      required
                      value={section.title}
                      onChange={(event) => change(index, { title: event.target.value })}
                    />
                  )}
                </FormField>
              </div>
              <FormField id={`${id}-instructions`} label={t('sectionInstructions')}>
                {(control) => (
                  <Textarea
                    {...control}
                    rows={3}
                    required
                    value={section.instructions}
                    onChange={(event) => change(index, { instructions: event.target.value })}
                  />
                )}
              </FormField>
              {sections.length > 1 ? (
                <Button
                  size="sm"
                  variant="ghost"
                  className="self-start"
                  onClick={() => setSections((current) => current.filter((_, at) => at !== index))}
                >
                  {t('removeSection', { number })}
                </Button>
              ) : null}
            </fieldset>
          );
        })}
        <Button
          size="sm"
          className="self-start"
          onClick={() => setSections((current) => [...current, { key: '', title: '', instructions: '' }])}
        >
          {t('addSection')}
        </Button>
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" variant="primary" disabled={submitting}>
          {submitting ? t('savingTemplate') : template ? t('saveTemplate') : t('createTemplate')}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {t('cancel')}
        </Button>
      </div>
    </form>
  );
}
