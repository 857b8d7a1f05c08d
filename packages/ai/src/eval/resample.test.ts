import { describe, expect, it } from 'vitest';
import { resample } from './resample';

const tone = (frequency: number, rate: number, seconds: number) =>
  Float32Array.from({ length: Math.round(rate * seconds) }, (_, index) =>
    Math.sin((2 * Math.PI * frequency * index) / rate),
  );
const rms = (samples: Float32Array) =>
  Math.sqrt(samples.reduce((total, sample) => total + sample * sample, 0) / samples.length);

describe('resampling espeak-ng output to 16 kHz', () => {
  it('should keep speech-band tones at their pitch and loudness', () => {
    const output = resample(tone(440, 22_050, 1), 22_050, 16_000);
    expect(output.length).toBe(16_000);
    const middle = output.subarray(1_000, 15_000);
    expect(rms(middle)).toBeCloseTo(Math.SQRT1_2, 2);
    // Correlates with a 440 Hz tone sampled at 16 kHz: same pitch, same phase.
    const expected = tone(440, 16_000, 1).subarray(1_000, 15_000);
    const correlation = middle.reduce((total, sample, index) => total + sample * expected[index]!, 0);
    expect(correlation / middle.length).toBeCloseTo(0.5, 2);
  });

  it('should remove tones above the new Nyquist frequency instead of folding them back', () => {
    const output = resample(tone(10_000, 22_050, 1), 22_050, 16_000);
    expect(rms(output.subarray(1_000, 15_000))).toBeLessThan(0.01);
  });
});
