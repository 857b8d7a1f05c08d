import { describe, expect, it } from 'vitest';
import { randomHalves } from './random-weights';

/** An IEEE 754 half as a number. */
function halfValue(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1;
  const exponent = (bits >>> 10) & 0x1f;
  const mantissa = bits & 0x3ff;
  return sign * 2 ** (exponent - 15) * (1 + mantissa / 1024);
}

describe('randomHalves', () => {
  it('should fill with small finite weights of both signs, the same for the same seed', () => {
    const [first, again, other] = [7, 7, 8].map((seed) => {
      const values = new Uint16Array(10_001);
      randomHalves(seed)(values);
      return values;
    });
    expect(again).toEqual(first);
    expect(other).not.toEqual(first);
    const numbers = Array.from(first!, halfValue);
    expect(numbers.every((value) => Math.abs(value) >= 2 ** -9 && Math.abs(value) < 2 ** -4)).toBe(true);
    const positive = numbers.filter((value) => value > 0).length;
    expect(positive).toBeGreaterThan(4_500);
    expect(positive).toBeLessThan(5_500);
  });
});
