import { type ClinicalTextAnalysis } from './analyze-clinical-text';
import { type EvidenceFlagMessages } from './evidence-flag-messages';
import { distinctTexts, type EvidenceFlag } from './evidence-flag';
import { type Side, type SideMention } from './extract-laterality';

function firstPerSide(mentions: readonly SideMention[]): SideMention[] {
  const seen = new Set<Side>();
  return mentions.filter((mention) => !seen.has(mention.side) && seen.add(mention.side));
}

/** `laterality` flags for a side the evidence does not give; "bilateral" is backed by both sides named. */
export function checkLaterality(
  item: ClinicalTextAnalysis,
  evidence: ClinicalTextAnalysis,
  messages: EvidenceFlagMessages,
): EvidenceFlag[] {
  const evidenceSides = new Set(evidence.sides.map((mention) => mention.side));
  const backs = (side: Side) =>
    evidenceSides.has(side) || (side === 'both' && evidenceSides.has('left') && evidenceSides.has('right'));
  return firstPerSide(item.sides)
    .filter((mention) => !backs(mention.side))
    .map((mention) => ({
      kind: 'laterality',
      message: messages.valueNotInEvidence(
        'side',
        mention.text,
        distinctTexts(firstPerSide(evidence.sides).map((other) => other.text)),
      ),
    }));
}
