'use client';

import { useCallback, useEffect, useState } from 'react';
import type { Providers } from '../../server/health/describe-providers';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { problemMessage } from '../forms/describe-problem';
import { interpolate } from '../i18n/dictionary';
import { useI18n } from '../i18n/i18n-provider';

type Provider = Providers['stt'];

/** Which speech and language services are in use, and whether they answer now (admins only). */
export function ProviderSettings() {
  const { t } = useI18n();
  const [providers, setProviders] = useState<Providers | undefined>();
  const [checking, setChecking] = useState(true);
  const [problem, setProblem] = useState<ApiProblem | undefined>();

  const check = useCallback(async (signal?: AbortSignal) => {
    setChecking(true);
    setProblem(undefined);
    try {
      setProviders(await callApi<Providers>('GET', '/settings/providers', signal ? { signal } : {}));
    } catch (error) {
      if (signal?.aborted || error instanceof SessionExpired) return;
      setProblem(error instanceof ApiProblem ? error : unexpectedProblem(error));
    }
    setChecking(false);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    void check(controller.signal);
    return () => controller.abort();
  }, [check]);

  const describe = (provider: Provider) => {
    const kind = provider.kind && provider.kind in t.settings.kinds ? provider.kind : undefined;
    const status = {
      up: t.settings.up,
      down: t.settings.down,
      in_process: t.settings.inProcess,
      not_configured: t.settings.notConfigured,
    }[provider.reachability];
    return {
      kind: kind ? t.settings.kinds[kind as keyof typeof t.settings.kinds] : (provider.kind ?? '—'),
      status,
    };
  };

  return (
    <section className="card" aria-labelledby="providers-title">
      <h2 id="providers-title">{t.settings.providersTitle}</h2>
      <p className="muted">{t.settings.intro}</p>
      {problem ? (
        <p role="alert" className="form-error">
          {t.settings.loadFailed} {problemMessage(problem, t)}
        </p>
      ) : null}
      {providers ? (
        <dl className="provider-list">
          {(['stt', 'llm'] as const).map((which) => {
            const provider = providers[which];
            const { kind, status } = describe(provider);
            return (
              <div key={which} className="provider" data-provider={which}>
                <dt>{t.settings[which]}</dt>
                <dd>
                  <span className="provider-field">
                    <span className="muted">{t.settings.kind}:</span>{' '}
                    {provider.configured ? kind : t.settings.notConfigured}
                  </span>
                  <span className="provider-field">
                    <span className="muted">{t.settings.model}:</span> <code>{provider.model ?? '—'}</code>
                  </span>
                  <span className="provider-field">
                    <span className="muted">{t.settings.reachability}:</span>{' '}
                    <span className={`status-badge reach-${provider.reachability}`}>{status}</span>
                    {provider.latencyMs !== null ? (
                      <span className="muted">
                        {' '}
                        {interpolate(t.settings.latency, { ms: String(provider.latencyMs) })}
                      </span>
                    ) : null}
                  </span>
                </dd>
              </div>
            );
          })}
        </dl>
      ) : null}
      <button type="button" className="button" onClick={() => void check()} disabled={checking}>
        {checking ? t.settings.checking : t.settings.check}
      </button>
    </section>
  );
}
