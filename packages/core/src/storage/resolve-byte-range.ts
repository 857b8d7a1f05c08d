import { type ByteRange, RangeNotSatisfiableError } from './object-storage';

/** Rejects ranges no object could satisfy, before any request is made. */
export function checkByteRange(range: ByteRange): void {
  const { start, end } = range;
  if (!Number.isSafeInteger(start) || start < 0) throw new RangeNotSatisfiableError(undefined);
  if (end !== undefined && (!Number.isSafeInteger(end) || end < start)) {
    throw new RangeNotSatisfiableError(undefined);
  }
}

/** The inclusive byte positions to read from an object of `size` bytes, as HTTP Range would. */
export function resolveByteRange(range: ByteRange, size: number): { start: number; end: number } {
  checkByteRange(range);
  if (range.start >= size) throw new RangeNotSatisfiableError(size);
  return { start: range.start, end: Math.min(range.end ?? size - 1, size - 1) };
}
