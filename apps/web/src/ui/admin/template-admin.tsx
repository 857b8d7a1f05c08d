'use client';

import type { TemplateView } from '@healthcare/core/templates/template-schemas';
import { useMessages, useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { Badge } from '../components/badge';
import { Button } from '../components/button';
import { CardSection } from '../components/card';
import { ConfirmDialog } from '../components/confirm-dialog';
import { InlineAlert } from '../components/inline-alert';
import { useToast } from '../components/toast';
import { problemMessage } from '../forms/describe-problem';
import { TemplateForm } from './template-form';

type Editing = { mode: 'none' } | { mode: 'new' } | { mode: 'edit'; template: TemplateView };

/** Built-in templates to read, the clinic's own to create, edit and remove. */
export function TemplateAdmin() {
  const t = useTranslations('admin');
  const common = useTranslations('common');
  const messages = useMessages();
  const toast = useToast();
  const [templates, setTemplates] = useState<TemplateView[] | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [editing, setEditing] = useState<Editing>({ mode: 'none' });

  const fail = (error: unknown) => {
    if (!(error instanceof SessionExpired))
      setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
  };
  const load = (signal?: AbortSignal) =>
    callApi<{ items: TemplateView[] }>('GET', '/templates', signal ? { signal } : {}).then(
      (list) => setTemplates(list.items),
      (error: unknown) => {
        if (!signal?.aborted) fail(error);
      },
    );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, []);

  const remove = async (template: TemplateView) => {
    setProblem(undefined);
    try {
      await callApi('DELETE', `/templates/${template.key}`);
      toast({ title: t('templateRemoved') });
      await load();
    } catch (error) {
      fail(error);
    }
  };

  const saved = async () => {
    setEditing({ mode: 'none' });
    toast({ title: t('templateSaved') });
    await load();
  };

  return (
    <div className="flex flex-col gap-5">
      {problem ? <InlineAlert role="alert">{problemMessage(problem, messages)}</InlineAlert> : null}
      {editing.mode === 'none' ? (
        <Button variant="primary" className="self-start" onClick={() => setEditing({ mode: 'new' })}>
          {t('newTemplate')}
        </Button>
      ) : (
        <CardSection className="flex flex-col gap-4" aria-labelledby="template-form-title">
          <h2 id="template-form-title" className="mb-0!">
            {editing.mode === 'new' ? t('newTemplate') : t('editTemplate', { name: editing.template.name })}
          </h2>
          <TemplateForm
            {...(editing.mode === 'edit' ? { template: editing.template } : {})}
            onSaved={() => void saved()}
            onCancel={() => setEditing({ mode: 'none' })}
          />
        </CardSection>
      )}
      {!templates ? (
        <p className="text-muted">{t('loading')}</p>
      ) : (
        <ul className="m-0 flex list-none flex-col gap-3 p-0">
          {templates.map((template) => (
            <li
              key={template.key}
              className="flex flex-wrap items-start justify-between gap-3 rounded-card border border-border bg-surface p-5 shadow-card"
            >
              <div className="flex min-w-0 flex-col gap-1.5">
                <h2 className="mb-0!">{template.name}</h2>
                <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
                  <code className="rounded bg-bg px-1.5 py-0.5 text-[0.85rem] text-text">{template.key}</code>
                  <Badge tone={template.builtIn ? 'neutral' : 'primary'} className="text-xs">
                    {template.builtIn ? t('builtIn') : t('clinicTemplate')}
                  </Badge>
                  <span>{t('sectionCount', { count: template.sections.length })}</span>
                </div>
              </div>
              {template.builtIn ? null : (
                <div className="flex flex-wrap items-center gap-2">
                  <Button size="sm" onClick={() => setEditing({ mode: 'edit', template })}>
                    {t('edit')}
                    <span className="sr-only"> {template.name}</span>
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <Button size="sm" variant="danger">
                        {t('removeTemplate')}
                        <span className="sr-only"> {template.name}</span>
                      </Button>
                    }
                    title={t('removeTemplateTitle', { name: template.name })}
                    description={t('removeTemplateConfirm')}
                    confirmLabel={t('removeTemplateYes')}
                    cancelLabel={common('cancel')}
                    onConfirm={() => void remove(template)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
