'use client';

import type { Encounter } from '@healthcare/core/encounters/encounter-schemas';
import { encounterLanguages } from '@healthcare/core/encounters/encounter-schemas';
import type { TemplateView } from '@healthcare/core/templates/template-schemas';
import { useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { useI18n } from '../i18n/i18n-provider';

/**
 * Writes the note again from the same transcript, with another template or in another language.
 * The new version arrives through the encounter's event stream like the first one did.
 */
export function RegenerateNote({
  encounter,
  disabled,
}: {
  encounter: Pick<Encounter, 'id' | 'template' | 'language'>;
  disabled: boolean;
}) {
  const { t } = useI18n();
  const [templates, setTemplates] = useState<TemplateView[]>([]);
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
    } catch (error) {
      if (!(error instanceof SessionExpired))
        setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
    }
    setSending(false);
  };

  return (
    <form
      className="regenerate-box"
      aria-labelledby="regenerate-title"
      onSubmit={(event) => {
        event.preventDefault();
        void regenerate();
      }}
    >
      <h3 id="regenerate-title">{t.encounter.regenerateTitle}</h3>
      <p className="muted" id="regenerate-hint">
        {t.encounter.regenerateHint}
      </p>
      {problem ? (
        <p role="alert" className="form-error">
          {problemMessage(problem, t)}
        </p>
      ) : null}
      <div className="form__row">
        <div className="field">
          <label htmlFor="regenerate-template">{t.encounter.regenerateTemplate}</label>
          <select
            id="regenerate-template"
            value={template}
            onChange={(event) => setTemplate(event.target.value)}
          >
            {templates.length === 0 ? <option value={encounter.template}>{encounter.template}</option> : null}
            {templates.map((item) => (
              <option key={item.key} value={item.key}>
                {item.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="regenerate-language">{t.encounter.regenerateLanguage}</label>
          <select
            id="regenerate-language"
            value={language}
            onChange={(event) => setLanguage(event.target.value as Encounter['language'])}
          >
            {encounterLanguages.map((code) => (
              <option key={code} value={code}>
                {t.encounter.noteLanguages[code]}
              </option>
            ))}
          </select>
        </div>
        <button
          type="submit"
          className="button"
          disabled={disabled || sending}
          aria-describedby="regenerate-hint"
        >
          {sending ? t.encounter.regenerating : t.encounter.regenerate}
        </button>
      </div>
    </form>
  );
}
