import { describe, expect, test } from 'vitest';
import { formatClock } from './format-clock';

describe('formatClock', () => {
  test('should show minutes and seconds, padded, rounding down', () => {
    expect(formatClock(0)).toBe('00:00');
    expect(formatClock(83.9)).toBe('01:23');
    expect(formatClock(3_725)).toBe('62:05');
    expect(formatClock(-1)).toBe('00:00');
  });
});
