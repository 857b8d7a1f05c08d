import type { Locale, Messages } from './dictionary';

// Typed keys and arguments: `t('patients.title')` fails the type check when the key is missing.
declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
