/** "dores" → "dor", "vômitos" → "vomito", "pains" → "pain": enough to match a finding's singular and plural. */
function singular(term: string): string {
  if (term.length > 4 && /(?:r|z|l)es$/.test(term)) return term.slice(0, -2);
  if (term.length > 3 && term.endsWith('s')) return term.slice(0, -1);
  return term;
}

/**
 * Whether two normalized words name the same thing: equal in the singular, or sharing a long stem
 * ("melhora"/"melhorou", "nausea"/"nauseado") but not a short one ("dorme"/"dormência").
 */
export function isSameTerm(left: string, right: string): boolean {
  const a = singular(left);
  const b = singular(right);
  if (a === b) return true;
  let shared = 0;
  while (shared < a.length && a[shared] === b[shared]) shared++;
  return shared >= 5 && shared >= Math.max(a.length, b.length) - 3;
}
