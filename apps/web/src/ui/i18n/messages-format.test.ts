import { createTranslator, type IntlError } from 'next-intl';
import { describe, expect, test } from 'vitest';
import { messagesFor, locales } from './dictionary';

/** Every key path of a dictionary with its message, e.g. `patients.noMatches`. */
function messages(value: unknown, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  return Object.entries(value as object).flatMap(([key, child]) =>
    messages(child, prefix ? `${prefix}.${key}` : key),
  );
}

/** A value of the right kind for each `{argument}` or `{argument, type, …}` the message names. */
function dummyValues(message: string): Record<string, string | number | Date> {
  const values: Record<string, string | number | Date> = {};
  for (const [, name, type] of message.matchAll(/\{\s*(\w+)\s*(?:,\s*(\w+))?/g)) {
    values[name!] = type === 'date' || type === 'time' ? new Date(0) : type ? 1 : `«${name}»`;
  }
  return values;
}

describe.each(locales)('the %s messages through next-intl', (locale) => {
  test('should each format without an ICU error, every argument filled in', () => {
    const errors: string[] = [];
    const t = createTranslator({
      locale,
      messages: messagesFor(locale),
      timeZone: 'UTC',
      onError: (error: IntlError) => errors.push(error.message),
    });
    const entries = messages(messagesFor(locale));
    expect(entries.length).toBeGreaterThan(100);
    for (const [key, message] of entries) {
      const values = dummyValues(message);
      // Keys come from walking the object, so they are not literal types here.
      const formatted = (t as unknown as (key: string, values: object) => string)(key, values);
      expect(formatted.trim(), key).not.toBe('');
      for (const [name, value] of Object.entries(values)) {
        if (typeof value === 'string') expect(formatted, `${key} fills {${name}}`).toContain(value);
      }
    }
    expect(errors).toEqual([]);
  });
});
