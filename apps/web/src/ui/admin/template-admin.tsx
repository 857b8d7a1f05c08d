'use client';

import type { TemplateView } from '@healthcare/core/templates/template-schemas';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { Badge } from '../components/badge';
import { Button } from '../components/button';
import { CardSection } from '../components/card';
import { cn } from '../components/cn';
import { ConfirmDialog } from '../components/confirm-dialog';
import { InlineAlert } from '../components/inline-alert';
import { useToast } from '../components/toast';
import { useProblemMessage } from '../forms/use-problem-message';
import { TemplateForm } from './template-form';

type Editing = { mode: 'none' } | { mode: 'new' } | { mode: 'edit'; template: TemplateView };

/**
 * Built-in templates to read; the clinic's own to create, edit, archive (out of new notes, kept for
 * the ones already written) and restore. Only an archived template nobody used can be removed.
 */
export function TemplateAdmin() {
  const t = useTranslations('admin');
  const common = useTranslations('common');
  const problemMessage = useProblemMessage();
  const toast = useToast();
  const [templates, setTemplates] = useState<TemplateView[] | undefined>();
  // What went wrong, in words: a removal refused because the template was used gets its own.
  const [problem, setProblem] = useState<string | undefined>();
  const [editing, setEditing] = useState<Editing>({ mode: 'none' });
  const [showArchived, setShowArchived] = useState(false);

  const fail = (error: unknown, conflictMessage?: string) => {
    if (error instanceof SessionExpired) return;
    const apiProblem = error instanceof ApiProblem ? error : unexpectedProblem(error);
    setProblem(apiProblem.status === 409 && conflictMessage ? conflictMessage : problemMessage(apiProblem));
  };
  const load = (signal?: AbortSignal) =>
    // Archived ones too: the toggle only hides them, without another round trip.
    callApi<{ items: TemplateView[] }>(
      'GET',
      '/templates?includeArchived=true',
      signal ? { signal } : {},
    ).then(
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

  const act = async (request: () => Promise<unknown>, done: string, conflictMessage?: string) => {
    setProblem(undefined);
    try {
      await request();
      toast({ title: done });
      await load();
    } catch (error) {
      fail(error, conflictMessage);
    }
  };
  const archive = (template: TemplateView) =>
    act(() => callApi('POST', `/templates/${template.key}/archive`), t('templateArchived'));
  const restore = (template: TemplateView) =>
    act(() => callApi('POST', `/templates/${template.key}/restore`), t('templateRestored'));
  const remove = (template: TemplateView) =>
    act(() => callApi('DELETE', `/templates/${template.key}`), t('templateRemoved'), t('removeInUse'));

  const shown = templates?.filter((template) => showArchived || !template.archivedAt);
  const archivedCount = templates?.filter((template) => template.archivedAt).length ?? 0;

  const saved = async () => {
    setEditing({ mode: 'none' });
    toast({ title: t('templateSaved') });
    await load();
  };

  return (
    <div className="flex flex-col gap-5">
      {problem ? <InlineAlert role="alert">{problem}</InlineAlert> : null}
      {editing.mode === 'none' ? (
        <div className="flex flex-wrap items-center justify-between gap-3">
          <Button variant="primary" onClick={() => setEditing({ mode: 'new' })}>
            {t('newTemplate')}
          </Button>
          <label className="flex cursor-pointer items-center gap-2 text-sm font-medium">
            <input
              type="checkbox"
              className="size-4 cursor-pointer accent-primary"
              checked={showArchived}
              onChange={(event) => setShowArchived(event.target.checked)}
            />
            {t('showArchived')}
            {archivedCount > 0 ? <Badge className="text-xs">{archivedCount}</Badge> : null}
          </label>
        </div>
      ) : (
        <CardSection className="flex flex-col gap-4" aria-labelledby="template-form-title">
          <h2 id="template-form-title">
            {editing.mode === 'new' ? t('newTemplate') : t('editTemplate', { name: editing.template.name })}
          </h2>
          <TemplateForm
            {...(editing.mode === 'edit' ? { template: editing.template } : {})}
            onSaved={() => void saved()}
            onCancel={() => setEditing({ mode: 'none' })}
          />
        </CardSection>
      )}
      {!shown ? (
        <p className="text-muted">{t('loading')}</p>
      ) : (
        <ul className="m-0 flex list-none flex-col gap-3 p-0">
          {shown.map((template) => (
            <li
              key={template.key}
              className={cn(
                'flex flex-wrap items-start justify-between gap-3 rounded-card border border-border p-5 shadow-card',
                template.archivedAt ? 'border-dashed bg-bg' : 'bg-surface',
              )}
            >
              <div className="flex min-w-0 flex-col gap-1.5">
                <h2>{template.name}</h2>
                <div className="flex flex-wrap items-center gap-2 text-sm text-muted">
                  <code className="rounded bg-bg px-1.5 py-0.5 text-[0.85rem] text-text">{template.key}</code>
                  <Badge tone={template.builtIn ? 'neutral' : 'primary'} className="text-xs">
                    {template.builtIn ? t('builtIn') : t('clinicTemplate')}
                  </Badge>
                  {template.archivedAt ? <Badge className="text-xs">{t('archived')}</Badge> : null}
                  <span>{t('sectionCount', { count: template.sections.length })}</span>
                </div>
              </div>
              {template.builtIn ? null : template.archivedAt ? (
                <div className="flex flex-wrap items-center gap-2">
                  <Button size="sm" onClick={() => void restore(template)}>
                    {t('restoreTemplate')}
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
              ) : (
                <div className="flex flex-wrap items-center gap-2">
                  <Button size="sm" onClick={() => setEditing({ mode: 'edit', template })}>
                    {t('edit')}
                    <span className="sr-only"> {template.name}</span>
                  </Button>
                  <ConfirmDialog
                    trigger={
                      <Button size="sm" variant="danger">
                        {t('archiveTemplate')}
                        <span className="sr-only"> {template.name}</span>
                      </Button>
                    }
                    title={t('archiveTemplateTitle', { name: template.name })}
                    description={t('archiveTemplateConfirm')}
                    confirmLabel={t('archiveTemplateYes')}
                    cancelLabel={common('cancel')}
                    onConfirm={() => void archive(template)}
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
