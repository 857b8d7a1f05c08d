import type { Metadata } from 'next';
import type { Dictionary } from '../i18n/dictionary';
import { getRequestDictionary } from '../i18n/request-locale';

/** `generateMetadata` for a page whose title comes from the reader's dictionary. */
export function localizedTitle(pick: (t: Dictionary) => string) {
  return async (): Promise<Metadata> => {
    const t = await getRequestDictionary();
    return { title: `${pick(t)} · ${t.appName}` };
  };
}
