export type EvidenceFlagKind =
  'no_evidence' | 'unknown_evidence' | 'number' | 'dose' | 'laterality' | 'negation';

/** Something in a note item the clinician must fix or acknowledge before signing. */
export interface EvidenceFlag {
  kind: EvidenceFlagKind;
  /** One sentence in the note's language, naming the disagreeing value. */
  message: string;
}

/** Distinct texts, in order of first appearance, at most `limit` of them. */
export function distinctTexts(texts: readonly string[], limit = 3): string[] {
  return [...new Set(texts)].slice(0, limit);
}
