'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import { encounterLanguages } from '@healthcare/core/encounters/encounter-schemas';
import type { TemplateView } from '@healthcare/core/templates/template-schemas';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { useProblemMessage } from '../forms/use-problem-message';
import { Button } from '../components/button';
import {
  Dialog,
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogTitle,
  DialogTrigger,
} from '../components/dialog';
import { InlineAlert } from '../components/inline-alert';
import { Label } from '../components/label';
import { Select } from '../components/select';
import { useToast } from '../components/toast';

/**
 * Writes the note again from the same transcript, with another template or in another language.
 * The new version arrives through the encounter's event stream like the first one did. The
 * choices sit in a dialog, so the note under review keeps the room.
 */
export function RegenerateNote({
  encounter,
  disabled,
}: {
  encounter: Pick<Encounter, 'id' | 'template' | 'language'>;
  disabled: boolean;
}) {
  const t = useTranslations('encounter');
  const common = useTranslations('common');
  const problemMessage = useProblemMessage();
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [templates, setTemplates] = useState<TemplateView[] | undefined>();
  const [template, setTemplate] = useState(encounter.template);
  const [language, setLanguage] = useState<Encounter['language']>(encounter.language);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | undefined>();

  useEffect(() => {
    const controller = new AbortController();
    callApi<{ items: TemplateView[] }>('GET', '/templates', { signal: controller.signal }).then(
      (list) => setTemplates(list.items),
      () => undefined,
    );
    return () => controller.abort();
  }, []);

  const regenerate = async () => {
    setSending(true);
    setProblem(undefined);
    try {
      await callApi('POST', `/encounters/${encodeURIComponent(encounter.id)}/note/regenerate`, {
        body: { template, language },
      });
      setOpen(false);
      toast({ title: t('regenerateStarted') });
    } catch (error) {
      if (!(error instanceof SessionExpired))
        setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
    }
    setSending(false);
  };

  // Until the list arrives, the encounter's own template is the one choice. The list leaves out
  // archived templates: if the encounter's is one of them, another must be chosen.
  const templateOptions = templates
    ? templates.map((item) => ({ value: item.key, label: item.name }))
    : [{ value: encounter.template, label: encounter.template }];
  const templateArchived = templates !== undefined && !templates.some((item) => item.key === template);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setProblem(undefined);
      }}
    >
      <DialogTrigger asChild>
        <Button disabled={disabled}>{t('regenerateOpen')}</Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="flex flex-col gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            void regenerate();
          }}
        >
          <DialogTitle>{t('regenerateTitle')}</DialogTitle>
          <DialogDescription>{t('regenerateHint')}</DialogDescription>
          {problem ? <InlineAlert role="alert">{problemMessage(problem)}</InlineAlert> : null}
          <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="regenerate-template">{t('regenerateTemplate')}</Label>
              <Select
                id="regenerate-template"
                value={templateArchived ? '' : template}
                onValueChange={setTemplate}
                options={templateOptions}
                placeholder={t('regenerateTemplatePlaceholder')}
                aria-describedby={templateArchived ? 'regenerate-template-archived' : undefined}
              />
              {templateArchived ? (
                <p id="regenerate-template-archived" className="text-sm font-medium text-danger">
                  {t('regenerateTemplateArchived')}
                </p>
              ) : null}
            </div>
            <div className="flex flex-col gap-1.5">
              <Label htmlFor="regenerate-language">{t('regenerateLanguage')}</Label>
              <Select
                id="regenerate-language"
                value={language}
                onValueChange={(value) => setLanguage(value as Encounter['language'])}
                options={encounterLanguages.map((code) => ({
                  value: code,
                  label: t(`noteLanguages.${code}`),
                }))}
                placeholder={t(`noteLanguages.${encounter.language}`)}
              />
            </div>
          </div>
          <DialogFooter>
            <DialogClose asChild>
              <Button>{common('cancel')}</Button>
            </DialogClose>
            <Button type="submit" variant="primary" disabled={disabled || sending || templateArchived}>
              {sending ? t('regenerating') : t('regenerate')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
