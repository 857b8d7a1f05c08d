'use client';

import { useTranslations } from 'next-intl';
import { useCallback } from 'react';
import type { ApiProblem } from '../api/api-problem';
import { describeFailure, type ErrorText } from './describe-problem';

/** The `errors` messages looked up by a key built at run time (an API error code, a field name). */
export function useErrorText(): ErrorText {
  const t = useTranslations('errors');
  return useCallback(
    (key: string) => {
      // Keys are built from the API's codes, so they are plain strings here, checked with `has`.
      const dynamic = t as unknown as { (key: string): string; has(key: string): boolean };
      return dynamic.has(key) ? dynamic(key) : undefined;
    },
    [t],
  );
}

/** `(problem) => sentence` for a failure outside any form, in the reader's language. */
export function useProblemMessage(): (problem: ApiProblem) => string {
  const text = useErrorText();
  return useCallback((problem: ApiProblem) => describeFailure(problem, text), [text]);
}
