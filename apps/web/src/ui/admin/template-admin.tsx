'use client';

import type { TemplateView } from '@healthcare/core/templates/template-schemas';
import { useEffect, useState } from 'react';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';
import { TemplateForm } from './template-form';

type Editing = { mode: 'none' } | { mode: 'new' } | { mode: 'edit'; template: TemplateView };

/** Built-in templates to read, the clinic's own to create, edit and remove. */
export function TemplateAdmin() {
  const { t } = useI18n();
  const [templates, setTemplates] = useState<TemplateView[] | undefined>();
  const [problem, setProblem] = useState<ApiProblem | undefined>();
  const [editing, setEditing] = useState<Editing>({ mode: 'none' });
  const [confirming, setConfirming] = useState<string | undefined>();
  const [notice, setNotice] = useState('');

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
      setConfirming(undefined);
      await load();
    } catch (error) {
      fail(error);
    }
  };

  const saved = async () => {
    setEditing({ mode: 'none' });
    setNotice(t.admin.templateSaved);
    await load();
  };

  return (
    <>
      {problem ? (
        <p role="alert" className="form-error">
          {problemMessage(problem, t)}
        </p>
      ) : null}
      <p role="status" className="form__status">
        {notice}
      </p>
      {editing.mode === 'none' ? (
        <button
          type="button"
          className="button button--primary"
          onClick={() => {
            setNotice('');
            setEditing({ mode: 'new' });
          }}
        >
          {t.admin.newTemplate}
        </button>
      ) : (
        <section className="card" aria-labelledby="template-form-title">
          <h2 id="template-form-title">
            {editing.mode === 'new'
              ? t.admin.newTemplate
              : interpolate(t.admin.editTemplate, { name: editing.template.name })}
          </h2>
          <TemplateForm
            {...(editing.mode === 'edit' ? { template: editing.template } : {})}
            onSaved={() => void saved()}
            onCancel={() => setEditing({ mode: 'none' })}
          />
        </section>
      )}
      {!templates ? (
        <p className="muted">{t.admin.loading}</p>
      ) : (
        <ul className="template-list">
          {templates.map((template) => (
            <li key={template.key} className="card template-card">
              <div>
                <h2>{template.name}</h2>
                <p className="muted">
                  <code>{template.key}</code> · {template.builtIn ? t.admin.builtIn : t.admin.clinicTemplate}{' '}
                  · {interpolate(t.admin.sectionCount, { count: String(template.sections.length) })}
                </p>
              </div>
              {template.builtIn ? null : confirming === template.key ? (
                <div className="confirm" role="group" aria-label={template.name}>
                  <p>{interpolate(t.admin.removeTemplateConfirm, { name: template.name })}</p>
                  <div className="confirm__actions">
                    <button
                      type="button"
                      className="button button--danger"
                      onClick={() => void remove(template)}
                    >
                      {t.admin.removeTemplateYes}
                    </button>
                    <button
                      type="button"
                      className="button button--quiet"
                      onClick={() => setConfirming(undefined)}
                    >
                      {t.admin.cancel}
                    </button>
                  </div>
                </div>
              ) : (
                <div className="statement-actions">
                  <button
                    type="button"
                    className="button button--small"
                    onClick={() => {
                      setNotice('');
                      setEditing({ mode: 'edit', template });
                    }}
                  >
                    {t.admin.edit}
                    <span className="visually-hidden"> {template.name}</span>
                  </button>
                  <button
                    type="button"
                    className="button button--small button--danger"
                    onClick={() => setConfirming(template.key)}
                  >
                    {t.admin.removeTemplate}
                    <span className="visually-hidden"> {template.name}</span>
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
