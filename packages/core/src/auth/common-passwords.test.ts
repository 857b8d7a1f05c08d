import { describe, expect, it } from 'vitest';
import { isCommonPassword } from './common-passwords';

describe('isCommonPassword', () => {
  it.each([
    'qwerty123456',
    '1q2w3e4r5t6y',
    'PASSWORD1234',
    'Brasil2024!!',
    'senhasenha12',
    '123456789012',
    'aaaaaaaaaaaa',
    '!!!!????####',
    'abcabcabcabc',
  ])('should refuse %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
  });

  it.each(['correct horse battery staple', 'Maria prefere chá verde', 'x7#kQ9!mZ2@w', 'benchmark password'])(
    'should accept %s',
    (password) => {
      expect(isCommonPassword(password)).toBe(false);
    },
  );
});
