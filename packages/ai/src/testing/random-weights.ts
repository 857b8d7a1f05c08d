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
