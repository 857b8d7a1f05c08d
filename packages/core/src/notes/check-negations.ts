import { type ClinicalTextAnalysis } from './analyze-clinical-text';
import { type EvidenceFlagMessages } from './evidence-flag-messages';
import { type EvidenceFlag } from './evidence-flag';
import { type TermMention } from './find-negations';
import { isSameTerm } from './same-term';
import { isSentenceBreak } from './tokenize-clinical-text';

/** Words of one finding sit close together ("dor no peito"); farther apart they are separate findings. */
const maxGapInFinding = 3;

/**
 * The evidence mention that contradicts an item mention: the evidence speaks of the same finding only with
 * the opposite polarity. Mixed evidence ("nega dor torácica, tem dor abdominal" for "dor") is no contradiction.
 */
function contradictionOf(mention: TermMention, evidence: ClinicalTextAnalysis): TermMention | undefined {
  if (mention.polarity === 'neutral') return undefined;
  const same = evidence.terms.filter(
    (other) => other.polarity !== 'neutral' && isSameTerm(other.term, mention.term),
  );
  if (same.length === 0 || same.some((other) => other.polarity === mention.polarity)) return undefined;
  // The closest cue quotes best: "No fever." rather than "Any fever or neck stiffness? No".
  const cueDistance = (other: TermMention) =>
    Math.abs((other.cueIndex ?? other.tokenIndex) - other.tokenIndex);
  return same.reduce((best, other) => (cueDistance(other) < cueDistance(best) ? other : best));
}

/** Consecutive mentions with the same polarity and cue, only words between: one finding, one flag. */
function groupFindings(item: ClinicalTextAnalysis): TermMention[][] {
  const findings: TermMention[][] = [];
  for (const mention of item.terms) {
    const current = findings.at(-1);
    const last = current?.at(-1);
    const joins =
      last !== undefined &&
      last.polarity === mention.polarity &&
      last.cueIndex === mention.cueIndex &&
      mention.tokenIndex - last.tokenIndex <= maxGapInFinding &&
      item.tokens.slice(last.tokenIndex + 1, mention.tokenIndex).every((token) => token.kind === 'word');
    if (joins) current?.push(mention);
    else findings.push([mention]);
  }
  return findings;
}

/** What the evidence says about the finding: from its negation cue, or with the words just before it. */
function quoteEvidence(evidence: ClinicalTextAnalysis, mentions: readonly TermMention[]): string {
  const [first] = mentions;
  if (first === undefined) return '';
  const nearby = mentions.filter((mention) => Math.abs(mention.tokenIndex - first.tokenIndex) <= 6);
  const indices = nearby.flatMap((mention) => [
    mention.tokenIndex,
    ...(mention.cueIndex === undefined ? [] : [mention.cueIndex]),
  ]);
  let start = Math.min(...indices);
  let end = Math.max(...indices);
  if (first.polarity === 'affirmed') {
    // The words around an affirmed finding show how it was said ("estou com febre", "a dor melhorou").
    const inClause = (index: number) => {
      const token = evidence.tokens[index];
      return token !== undefined && !isSentenceBreak(token) && token.norm !== ',';
    };
    const isFindingAt = (index: number) => evidence.terms.some((mention) => mention.tokenIndex === index);
    for (let lead = 0; lead < 2 && inClause(start - 1); lead++) start--;
    for (let trail = 0; trail < 2 && inClause(end + 1) && isFindingAt(end + 1); trail++) end++;
  }
  return evidence.source.slice(evidence.tokens[start]?.start ?? 0, evidence.tokens[end]?.end ?? 0);
}

/** `negation` flags: the item denies a finding the evidence affirms, or affirms one the evidence denies. */
export function checkNegations(
  item: ClinicalTextAnalysis,
  evidence: ClinicalTextAnalysis,
  messages: EvidenceFlagMessages,
): EvidenceFlag[] {
  return groupFindings(item).flatMap((finding) => {
    const contradicted = finding.flatMap((mention) => {
      const contradiction = contradictionOf(mention, evidence);
      return contradiction === undefined ? [] : [{ mention, contradiction }];
    });
    const [firstContradicted] = contradicted;
    const [firstMention] = finding;
    const lastMention = finding.at(-1);
    if (firstContradicted === undefined || firstMention === undefined || lastMention === undefined) return [];
    const findingText = item.source.slice(
      item.tokens[firstMention.tokenIndex]?.start ?? 0,
      item.tokens[lastMention.tokenIndex]?.end ?? 0,
    );
    const evidenceSays = quoteEvidence(
      evidence,
      contradicted.map((entry) => entry.contradiction),
    );
    const message =
      firstContradicted.mention.polarity === 'negated'
        ? messages.itemDeniesAffirmedFinding(findingText, evidenceSays)
        : messages.itemAffirmsDeniedFinding(findingText, evidenceSays);
    return [{ kind: 'negation', message }];
  });
}
