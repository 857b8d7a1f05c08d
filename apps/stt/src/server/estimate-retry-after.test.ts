import { describe, expect, it } from 'vitest';
import { createRetryAfterEstimate } from './estimate-retry-after';

describe('createRetryAfterEstimate', () => {
  it('should guess a few seconds before any transcription has finished', () => {
    expect(createRetryAfterEstimate(1).seconds()).toBe(5);
  });

  it('should follow recent transcription times, shared among the concurrent slots', () => {
    const estimate = createRetryAfterEstimate(2);
    estimate.record(10);
    expect(estimate.seconds()).toBe(5);
    estimate.record(20);
    expect(estimate.seconds()).toBe(6);
  });

  it('should advise between one second and a minute', () => {
    const fast = createRetryAfterEstimate(1);
    fast.record(0.05);
    expect(fast.seconds()).toBe(1);
    const slow = createRetryAfterEstimate(1);
    slow.record(600);
    expect(slow.seconds()).toBe(60);
  });
});
