import { analyzeClinicalText } from './analyze-clinical-text';
import { checkFrequencies } from './check-frequencies';
import { toCheckLanguage } from './check-language';
import { checkLaterality } from './check-laterality';
import { checkNegations } from './check-negations';
import { checkQuantities } from './check-quantities';
import { type EvidenceFlag } from './evidence-flag';
import { evidenceFlagMessages } from './evidence-flag-messages';

export type { EvidenceFlag, EvidenceFlagKind } from './evidence-flag';

/**
 * Flags what in a note item may misstate the transcript segments it cites: no or unknown evidence, and
 * numbers, doses, frequencies, sides and negations the evidence lacks or contradicts. Paraphrase is expected
 * ("Estou com febre há dois dias, trinta e oito e meio" backs "Febre há 2 dias, Tmax 38,5 °C"), so each rule
 * reads the evidence generously and flags only what it cannot find there.
 */
export function checkEvidence(
  item: { text: string; evidence: readonly string[] },
  segments: ReadonlyMap<string, { text: string }>,
  language: string,
): EvidenceFlag[] {
  const checkLanguage = toCheckLanguage(language);
  const messages = evidenceFlagMessages(checkLanguage);
  // Every item needs evidence, administrative ones included: the clinician decides what may stand without it.
  if (item.evidence.length === 0) return [{ kind: 'no_evidence', message: messages.noEvidence() }];

  const cited = [...new Set(item.evidence)];
  const found = cited.flatMap((id) => {
    const segment = segments.get(id);
    return segment === undefined ? [] : [segment.text];
  });
  const flags: EvidenceFlag[] = [];
  if (found.length < cited.length) {
    flags.push({ kind: 'unknown_evidence', message: messages.unknownEvidence(cited.length - found.length) });
  }
  // With nothing to compare against, every value would be flagged; the unknown evidence is the one problem.
  if (found.length === 0) return flags;

  // A line break keeps segments apart, so one segment's question and the next one's answer still pair up.
  const evidence = analyzeClinicalText(found.join('\n'), checkLanguage, { lenient: true });
  const note = analyzeClinicalText(item.text, checkLanguage, { lenient: false });
  flags.push(
    ...checkQuantities(note, evidence, messages),
    ...checkFrequencies(note, evidence, messages),
    ...checkLaterality(note, evidence, messages),
    ...checkNegations(note, evidence, messages),
  );
  const seen = new Set<string>();
  return flags.filter(
    (flag) => !seen.has(`${flag.kind}:${flag.message}`) && seen.add(`${flag.kind}:${flag.message}`),
  );
}
