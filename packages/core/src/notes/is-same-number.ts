/** Equal up to floating-point noise: 0.075 mg × 1000 must equal 75 mcg. */
export function isSameNumber(left: number, right: number): boolean {
  return Math.abs(left - right) <= 1e-6 * Math.max(1, Math.abs(left), Math.abs(right));
}
