import type { Metadata } from 'next';
import { getMessages } from 'next-intl/server';
import type { Messages } from '../i18n/dictionary';

/** `generateMetadata` for a page whose title is one of the reader's messages (a plain one, no arguments). */
export function localizedTitle(pick: (t: Messages) => string) {
  return async (): Promise<Metadata> => {
    const messages = await getMessages();
    return { title: `${pick(messages)} · ${messages.appName}` };
  };
}
