import { type ClinicalTextAnalysis } from './analyze-clinical-text';
import { type EvidenceFlagMessages } from './evidence-flag-messages';
import { distinctTexts, type EvidenceFlag } from './evidence-flag';
import { findDoseOwner, mentionsDrug } from './find-dose-owner';
import { isSameNumber } from './is-same-number';
import { isSameTerm } from './same-term';

/**
 * `dose` flags for dosing frequencies the evidence lacks or contradicts. "8/8h", "TID" and "três vezes ao dia"
 * agree; when the evidence gives the same drug a frequency in so many words, only that drug's count. A loose
 * reading ("à noite") never narrows the comparison: it may back the note, not contradict it.
 */
export function checkFrequencies(
  item: ClinicalTextAnalysis,
  evidence: ClinicalTextAnalysis,
  messages: EvidenceFlagMessages,
): EvidenceFlag[] {
  return item.frequencies.flatMap((frequency) => {
    const owner = findDoseOwner(item.tokens, frequency.firstToken);
    const owned = evidence.frequencies.filter((other) => {
      const evidenceOwner = findDoseOwner(evidence.tokens, other.firstToken);
      return owner !== undefined && evidenceOwner !== undefined && isSameTerm(owner, evidenceOwner);
    });
    const scoped = owned.some((other) => !other.loose);
    const comparable = scoped ? owned : evidence.frequencies;
    if (comparable.some((other) => isSameNumber(other.perDay, frequency.perDay))) return [];
    // Another drug's frequency is no answer to what the evidence says about this one.
    const namesOtherDrugsOnly = !scoped && owner !== undefined && mentionsDrug(evidence.tokens, owner);
    const evidenceSays = namesOtherDrugsOnly ? [] : distinctTexts(comparable.map((other) => other.text));
    return [
      { kind: 'dose', message: messages.valueNotInEvidence('frequency', frequency.text, evidenceSays) },
    ];
  });
}
