'use client';

import { useTranslations } from 'next-intl';
import { useCallback, useEffect, useState } from 'react';
import type { Providers } from '../../server/health/describe-providers';
import { ApiProblem, SessionExpired, unexpectedProblem } from '../api/api-problem';
import { callApi } from '../api/call-api';
import { Badge } from '../components/badge';
import { Button } from '../components/button';
import { CardSection } from '../components/card';
import { ErrorNotice } from '../forms/form-message';
import { useProblemMessage } from '../forms/use-problem-message';

type Provider = Providers['stt'];

/** Which speech and language services are in use, and whether they answer now (admins only). */
export function ProviderSettings() {
  const t = useTranslations('settings');
  const problemMessage = useProblemMessage();
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

  const kindName = (kind: string | null) => {
    const known = t.has(`kinds.${kind}` as never);
    return known ? t(`kinds.${kind}` as never) : (kind ?? '—');
  };
  const reachabilityKeys = {
    up: 'up',
    down: 'down',
    in_process: 'inProcess',
    not_configured: 'notConfigured',
  } as const satisfies Record<Provider['reachability'], string>;
  const reachabilityTones = {
    up: 'primary',
    down: 'danger',
    in_process: 'neutral',
    not_configured: 'neutral',
  } as const satisfies Record<Provider['reachability'], string>;

  return (
    <CardSection aria-labelledby="providers-title">
      <h2 id="providers-title" className="mb-2">
        {t('providersTitle')}
      </h2>
      <p className="text-muted">{t('intro')}</p>
      {problem ? (
        <ErrorNotice className="mt-4">
          {t('loadFailed')} {problemMessage(problem)}
        </ErrorNotice>
      ) : null}
      {providers ? (
        <dl className="my-5 grid gap-4 md:grid-cols-2">
          {(['stt', 'llm'] as const).map((which) => {
            const provider = providers[which];
            return (
              <div
                key={which}
                data-provider={which}
                className="flex flex-col gap-3 rounded-card border border-border bg-bg p-4"
              >
                <dt className="font-semibold">{t(which)}</dt>
                <dd className="m-0 grid grid-cols-[auto_1fr] items-center gap-x-4 gap-y-2 text-[0.95rem]">
                  <span className="text-muted">{t('kind')}</span>
                  <span>{provider.configured ? kindName(provider.kind) : t('notConfigured')}</span>
                  <span className="text-muted">{t('model')}</span>
                  <code className="font-mono text-sm break-all">{provider.model ?? '—'}</code>
                  <span className="text-muted">{t('reachability')}</span>
                  <span className="flex flex-wrap items-center gap-2">
                    <Badge tone={reachabilityTones[provider.reachability]}>
                      {t(reachabilityKeys[provider.reachability])}
                    </Badge>
                    {provider.latencyMs !== null ? (
                      <span className="text-sm text-muted">{t('latency', { ms: provider.latencyMs })}</span>
                    ) : null}
                  </span>
                </dd>
              </div>
            );
          })}
        </dl>
      ) : null}
      <Button onClick={() => void check()} disabled={checking}>
        {checking ? t('checking') : t('check')}
      </Button>
    </CardSection>
  );
}
