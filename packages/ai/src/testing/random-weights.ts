/** Deterministic standard normal samples (xorshift + Box–Muller): the same seed writes the same file. */
export function gaussian(seed: number): () => number {
  let x = seed || 1;
  const uniform = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return ((x >>> 0) + 0.5) / 4_294_967_296;
  };
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

/** IEEE 754 half precision (truncating the mantissa): plenty for random weights, and fast on typed arrays. */
export function toHalves(values: Float32Array): Uint16Array {
  const bits = new Uint32Array(values.buffer, values.byteOffset, values.length);
  const halves = new Uint16Array(values.length);
  for (let index = 0; index < bits.length; index += 1) {
    const word = bits[index]!;
    const sign = (word >>> 16) & 0x8000;
    const exponent = ((word >>> 23) & 0xff) - 112;
    halves[index] =
      exponent <= 0
        ? sign
        : exponent >= 31
          ? sign | 0x7c00
          : sign | (exponent << 10) | ((word & 0x7fffff) >>> 13);
  }
  return halves;
}

/**
 * Deterministic random F16 values straight from random bits (sign, a magnitude between about
 * 0.002 and 0.06, mantissa), two per xorshift step: a hundred times faster than `gaussian` and
 * `toHalves`, for models of hundreds of millions of weights whose values only need to be small.
 */
export function randomHalves(seed: number): (into: Uint16Array) => void {
  let x = seed || 1;
  return (into) => {
    for (let index = 0; index < into.length; index += 2) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      // Exponent field 6-9 of 15: magnitudes 2^-9 to 2^-5.
      into[index] = (x & 0x83ff) | ((6 + ((x >>> 10) & 3)) << 10);
      if (index + 1 < into.length) into[index + 1] = ((x >>> 16) & 0x83ff) | ((6 + ((x >>> 26) & 3)) << 10);
    }
  };
}
