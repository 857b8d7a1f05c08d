/** Joins class names, skipping the falsy ones a condition leaves: `cn('a', open && 'b')`. */
export function cn(...classes: (string | false | null | undefined)[]): string {
  return classes.filter(Boolean).join(' ');
}
