const tapsPerSide = 16;

/**
 * Band-limited resampling (windowed sinc): espeak-ng speaks at 22,050 Hz and every engine takes
 * 16 kHz. Plain interpolation would fold the 8–11 kHz band back into the speech as noise.
 */
export function resample(samples: Float32Array, fromRate: number, toRate: number): Float32Array {
  if (fromRate === toRate) return samples.slice();
  const ratio = toRate / fromRate;
  // Cut just below the lower of the two Nyquist frequencies, as a fraction of the input's.
  const cutoff = Math.min(1, ratio) * 0.95;
  const reach = tapsPerSide / cutoff;
  const output = new Float32Array(Math.floor(samples.length * ratio));
  for (let index = 0; index < output.length; index += 1) {
    const center = index / ratio;
    const first = Math.max(0, Math.ceil(center - reach));
    const last = Math.min(samples.length - 1, Math.floor(center + reach));
    let sum = 0;
    for (let source = first; source <= last; source += 1) {
      const distance = source - center;
      const window = 0.5 + 0.5 * Math.cos((Math.PI * distance) / reach);
      sum += samples[source]! * cutoff * sinc(cutoff * distance) * window;
    }
    output[index] = sum;
  }
  return output;
}

function sinc(x: number): number {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}
