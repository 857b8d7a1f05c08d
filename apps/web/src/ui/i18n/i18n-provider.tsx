'use client';

import { createContext, useContext, type ReactNode } from 'react';
import type { Dictionary, Locale } from './dictionary';

interface I18n {
  locale: Locale;
  t: Dictionary;
}

const I18nContext = createContext<I18n | undefined>(undefined);

export function I18nProvider({
  locale,
  dictionary,
  children,
}: {
  locale: Locale;
  dictionary: Dictionary;
  children: ReactNode;
}) {
  return <I18nContext value={{ locale, t: dictionary }}>{children}</I18nContext>;
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n must be used inside <I18nProvider>');
  return i18n;
}
