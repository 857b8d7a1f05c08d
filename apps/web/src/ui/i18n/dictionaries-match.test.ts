import { describe, expect, test } from 'vitest';
import { en } from './en';
import { ptBR } from './pt-BR';

/** Every key path of a dictionary, e.g. `encounter.sign`, with its value. */
function entries(value: unknown, prefix = ''): [string, unknown][] {
  if (typeof value !== 'object' || value === null) return [[prefix, value]];
  return Object.entries(value).flatMap(([key, child]) => entries(child, prefix ? `${prefix}.${key}` : key));
}

describe('the dictionaries', () => {
  test('should hold the same keys in pt-BR and English, each a non-empty string', () => {
    const portuguese = entries(ptBR);
    const english = entries(en);
    expect(english.map(([key]) => key).sort()).toEqual(portuguese.map(([key]) => key).sort());
    for (const [key, value] of [...portuguese, ...english]) {
      expect(typeof value, key).toBe('string');
      expect((value as string).trim(), key).not.toBe('');
    }
  });

  test('should use the same {placeholders} in both languages', () => {
    const english = new Map(entries(en));
    for (const [key, value] of entries(ptBR)) {
      const placeholders = (text: unknown) =>
        [...String(text).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(placeholders(english.get(key)), key).toEqual(placeholders(value));
    }
  });
});
