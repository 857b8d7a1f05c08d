import { type ClinicalTextAnalysis } from './analyze-clinical-text';
import { type EvidenceFlagMessages } from './evidence-flag-messages';
import { distinctTexts, type EvidenceFlag } from './evidence-flag';
import { type PressureReading, type Quantity } from './extract-quantities';
import { findDoseOwner, mentionsDrug } from './find-dose-owner';
import { isSameNumber } from './is-same-number';
import { isSameTerm } from './same-term';

const weightWords = new Set(['peso', 'pesa', 'pesando', 'pesou', 'weight', 'weighs', 'weighing', 'weighed']);

/** "Peso 3.250 g" at birth is a weight, not a dose, though it is written in grams. */
function isBodyWeight(item: ClinicalTextAnalysis, quantity: Quantity): boolean {
  return item.tokens
    .slice(Math.max(0, quantity.firstToken - 3), quantity.firstToken)
    .some((token) => weightWords.has(token.norm));
}

function overlapsFrequency(quantity: Quantity, item: ClinicalTextAnalysis): boolean {
  return item.frequencies.some(
    (frequency) => quantity.firstToken <= frequency.lastToken && quantity.lastToken >= frequency.firstToken,
  );
}

/**
 * The evidence a dose is compared with: the doses written after the same drug when the evidence names it with
 * a dose ("amoxicilina 500 mg e dipirona 1 g" — "amoxicilina 1 g" is then wrong), otherwise all of it. `says`
 * is what to quote back: never another drug's dose when the evidence names this drug.
 */
function comparableEvidence(
  quantity: Quantity,
  isDose: boolean,
  item: ClinicalTextAnalysis,
  evidence: ClinicalTextAnalysis,
) {
  // A dose is not backed by, nor contradicted by, the patient's weight in kilograms.
  const sameDimension = evidence.quantities.filter(
    (other) => other.unit.dimension === quantity.unit.dimension && (!isDose || other.unit.isDose),
  );
  const owner = isDose ? findDoseOwner(item.tokens, quantity.firstToken) : undefined;
  const ownedBy = (index: number) => {
    const evidenceOwner = findDoseOwner(evidence.tokens, index);
    return owner !== undefined && evidenceOwner !== undefined && isSameTerm(owner, evidenceOwner);
  };
  const owned = sameDimension.filter((other) => ownedBy(other.firstToken));
  const ownedBare = evidence.bareNumbers.filter((bare) => ownedBy(bare.tokenIndex));
  if (owned.length > 0) {
    return { quantities: owned, bareNumbers: ownedBare, says: owned.map((other) => other.text) };
  }
  if (owner === undefined || !mentionsDrug(evidence.tokens, owner)) {
    return {
      quantities: sameDimension,
      bareNumbers: evidence.bareNumbers,
      says: sameDimension.map((other) => other.text),
    };
  }
  // The drug is named with no dose in a unit: its bare number is what the evidence says ("losartana cinquenta").
  const ownedBareDoses = ownedBare.filter((bare) => !insideFrequency(bare.tokenIndex, evidence));
  return {
    quantities: sameDimension,
    bareNumbers: evidence.bareNumbers,
    says: ownedBareDoses.map((bare) => evidence.tokens[bare.tokenIndex]?.text ?? ''),
  };
}

function insideFrequency(tokenIndex: number, analysis: ClinicalTextAnalysis): boolean {
  return analysis.frequencies.some(
    (frequency) => frequency.firstToken <= tokenIndex && tokenIndex <= frequency.lastToken,
  );
}

function checkQuantity(
  quantity: Quantity,
  item: ClinicalTextAnalysis,
  evidence: ClinicalTextAnalysis,
  messages: EvidenceFlagMessages,
): EvidenceFlag | undefined {
  const [written] = quantity.values;
  if (written === undefined) return undefined;
  const inBase = written * quantity.unit.scale;
  const isDose = quantity.unit.isDose && !isBodyWeight(item, quantity);
  const comparable = comparableEvidence(quantity, isDose, item, evidence);
  const backed =
    comparable.quantities.some((other) =>
      other.values.some((value) => isSameNumber(value * other.unit.scale, inBase)),
    ) || comparable.bareNumbers.some((bare) => bare.values.some((value) => isSameNumber(value, written)));
  if (backed) return undefined;
  const label = isDose ? 'dose' : 'value';
  const evidenceSays = distinctTexts(comparable.says);
  return {
    kind: isDose ? 'dose' : 'number',
    message: messages.valueNotInEvidence(label, quantity.text, evidenceSays),
  };
}

/** Spoken pressures drop a zero: "doze por oito" is 120/80 mmHg. */
function pressureReadings(value: number): number[] {
  return value < 30 ? [value, value * 10] : [value];
}

function checkPressure(
  pressure: PressureReading,
  evidence: ClinicalTextAnalysis,
  messages: EvidenceFlagMessages,
): EvidenceFlag | undefined {
  const [systolic, diastolic] = [pressure.systolic[0], pressure.diastolic[0]];
  if (systolic === undefined || diastolic === undefined) return undefined;
  const reads = (values: readonly number[], expected: number) =>
    values.some((value) => pressureReadings(value).some((reading) => isSameNumber(reading, expected)));
  if (
    evidence.pressures.some((other) => reads(other.systolic, systolic) && reads(other.diastolic, diastolic))
  ) {
    return undefined;
  }
  // Speech may split the reading ("a máxima 120, a mínima 80").
  const spoken = evidence.tokens.flatMap((token) => (token.kind === 'number' ? (token.values ?? []) : []));
  if (reads(spoken, systolic) && reads(spoken, diastolic)) return undefined;
  const evidenceSays = distinctTexts(evidence.pressures.map((other) => other.text));
  return { kind: 'number', message: messages.valueNotInEvidence('value', pressure.text, evidenceSays) };
}

/** `number` and `dose` flags for amounts with a unit and blood pressures the evidence lacks or contradicts. */
export function checkQuantities(
  item: ClinicalTextAnalysis,
  evidence: ClinicalTextAnalysis,
  messages: EvidenceFlagMessages,
): EvidenceFlag[] {
  const quantityFlags = item.quantities
    .filter((quantity) => !overlapsFrequency(quantity, item))
    .map((quantity) => checkQuantity(quantity, item, evidence, messages));
  const pressureFlags = item.pressures.map((pressure) => checkPressure(pressure, evidence, messages));
  return [...quantityFlags, ...pressureFlags].filter((flag) => flag !== undefined);
}
