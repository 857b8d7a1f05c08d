/** Whether `bytes` holds `signature` (ASCII text or byte values) at `offset`. */
export function startsWithBytes(
  bytes: Uint8Array,
  signature: string | readonly number[],
  offset = 0,
): boolean {
  const expected =
    typeof signature === 'string' ? [...signature].map((char) => char.charCodeAt(0)) : signature;
  return expected.every((byte, i) => bytes[offset + i] === byte);
}
