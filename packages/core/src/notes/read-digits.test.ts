import { describe, expect, it } from 'vitest';
import { readDigits } from './read-digits';

describe('readDigits', () => {
  it.each([
    ['37,5', 'pt', [37.5]],
    ['37.5', 'pt', [37.5]],
    ['37.5', 'en', [37.5]],
    ['0,075', 'pt', [0.075]],
    ['1.000', 'pt', [1000, 1]],
    ['1.500', 'es', [1500, 1.5]],
    ['1,000', 'en', [1000, 1]],
    ['1,500', 'pt', [1.5, 1500]],
    ['1.000.000', 'pt', [1000000]],
    ['1.234,5', 'pt', [1234.5]],
    ['1,234.5', 'en', [1234.5]],
    ['500', 'en', [500]],
  ] as const)('should read %j in %s as %j', (text, language, values) => {
    expect(readDigits(text, language)).toEqual(values);
  });
});
