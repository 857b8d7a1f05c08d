import { type CheckLanguage } from './check-language';
import { type ClinicalUnit, matchUnit, scoreUnit } from './clinical-units';
import { matchHalfSuffix } from './number-words';
import { type ClinicalToken } from './tokenize-clinical-text';

export interface Quantity {
  /** Readings in the written unit, the likeliest first. */
  readonly values: readonly number[];
  readonly unit: ClinicalUnit;
  readonly text: string;
  readonly firstToken: number;
  readonly lastToken: number;
}

/** A blood pressure: "120/80 mmHg", "PA 120x80", or spoken "doze por oito". */
export interface PressureReading {
  readonly systolic: readonly number[];
  readonly diastolic: readonly number[];
  readonly text: string;
  readonly firstToken: number;
  readonly lastToken: number;
}

/** A number with no unit: on the evidence side it still backs a value ("trinta e oito e meio" ~ "38,5 °C"). */
export interface BareNumber {
  readonly values: readonly number[];
  readonly tokenIndex: number;
}

export interface QuantityExtraction {
  readonly quantities: Quantity[];
  readonly pressures: PressureReading[];
  readonly bareNumbers: BareNumber[];
}

const pairSeparators = new Set(['/', 'x', 'por', 'over', 'sobre']);
const pressureWords = new Set(['pa', 'pressao', 'pressure', 'bp', 'ta', 'presion', 'arterial']);
const rangeWords = new Set(['a', '-', 'to', 'ou', 'or', 'e', 'and', 'y', 'o', 'ate']);
const scoreWords = new Set(['de', 'em', 'sobre', 'of']);

function valuesOf(token: ClinicalToken | undefined): readonly number[] {
  return token?.kind === 'number' ? (token.values ?? []) : [];
}

function hasPressureContext(tokens: readonly ClinicalToken[], index: number): boolean {
  return tokens.slice(Math.max(0, index - 3), index).some((token) => pressureWords.has(token.norm));
}

function textOf(source: string, tokens: readonly ClinicalToken[], first: number, last: number): string {
  return source.slice(tokens[first]?.start ?? 0, tokens[last]?.end ?? 0);
}

/** Numbers with their units, blood pressures and unit-less numbers, from tokens whose number words are read. */
export function extractQuantities(
  tokens: readonly ClinicalToken[],
  source: string,
  language: CheckLanguage,
): QuantityExtraction {
  const quantities: Quantity[] = [];
  const pressures: PressureReading[] = [];
  const bareNumbers: BareNumber[] = [];
  const addQuantity = (values: readonly number[], unit: ClinicalUnit, first: number, last: number) =>
    quantities.push({
      values,
      unit,
      text: textOf(source, tokens, first, last),
      firstToken: first,
      lastToken: last,
    });

  for (let index = 0; index < tokens.length; index++) {
    const values = valuesOf(tokens[index]);
    if (values.length === 0) continue;
    const secondValues = valuesOf(tokens[index + 2]);
    const separator = tokens[index + 1]?.norm ?? '';
    if (secondValues.length > 0 && pairSeparators.has(separator)) {
      const after = matchUnit(tokens, index + 3);
      if (after?.unit.dimension === 'pressure' || hasPressureContext(tokens, index)) {
        const last = after?.unit.dimension === 'pressure' ? after.next - 1 : index + 2;
        const text = textOf(source, tokens, index, last);
        pressures.push({
          systolic: values,
          diastolic: secondValues,
          text,
          firstToken: index,
          lastToken: last,
        });
        index = last;
        continue;
      }
      if (separator === '/' && secondValues[0] === 10) {
        addQuantity(values, scoreUnit, index, index + 2);
        index += 2;
        continue;
      }
      const [numerator = 0] = values;
      const [denominator = 0] = secondValues;
      if (separator === '/' && numerator < denominator && denominator <= 4) {
        const fraction = [numerator / denominator];
        if (after === undefined) bareNumbers.push({ values: fraction, tokenIndex: index });
        else addQuantity(fraction, after.unit, index, after.next - 1);
        index = after === undefined ? index + 2 : after.next - 1;
        continue;
      }
      // "875/125 mg": a combination drug, one dose per component ("8/8h" is an interval, read below).
      if (separator === '/' && after !== undefined && numerator !== denominator) {
        const unitText = textOf(source, tokens, index + 3, after.next - 1);
        quantities.push({
          values,
          unit: after.unit,
          text: `${tokens[index]?.text ?? ''} ${unitText}`,
          firstToken: index,
          lastToken: index,
        });
        addQuantity(secondValues, after.unit, index + 2, after.next - 1);
        index = after.next - 1;
        continue;
      }
    }
    const outOfTen = readOutOfTen(tokens, index);
    if (outOfTen !== undefined) {
      addQuantity(values, scoreUnit, index, outOfTen - 1);
      index = outOfTen - 1;
      continue;
    }
    const matched = matchUnit(tokens, index + 1);
    if (matched === undefined) {
      bareNumbers.push({ values, tokenIndex: index });
      continue;
    }
    const afterHalf = matchHalfSuffix(tokens, matched.next, language);
    const withHalf = afterHalf === undefined ? values : values.map((value) => value + 0.5);
    const next = afterHalf ?? matched.next;
    addQuantity(withHalf, matched.unit, index, next - 1);
    index = next - 1;
  }
  return {
    quantities: [...quantities, ...sharedRangeUnits(tokens, source, quantities, bareNumbers)],
    pressures,
    bareNumbers,
  };
}

/** "8 de 10", "8 em 10", "8 out of 10": a pain score. Returns the index after it. */
function readOutOfTen(tokens: readonly ClinicalToken[], index: number): number | undefined {
  let next = index + 1;
  if (tokens[next]?.norm === 'out') next++;
  if (!scoreWords.has(tokens[next]?.norm ?? '')) return undefined;
  return valuesOf(tokens[next + 1])[0] === 10 ? next + 2 : undefined;
}

/** "2 a 3 dias", "38-39 °C": the first number of a range takes the unit written after the second. */
function sharedRangeUnits(
  tokens: readonly ClinicalToken[],
  source: string,
  quantities: readonly Quantity[],
  bareNumbers: readonly BareNumber[],
): Quantity[] {
  return bareNumbers.flatMap((bare) => {
    if (!rangeWords.has(tokens[bare.tokenIndex + 1]?.norm ?? '')) return [];
    const upper = quantities.find((quantity) => quantity.firstToken === bare.tokenIndex + 2);
    if (upper === undefined || upper.unit.dimension === 'score' || upper.unit.dimension === 'times')
      return [];
    const text = textOf(source, tokens, bare.tokenIndex, upper.lastToken);
    return [
      {
        values: bare.values,
        unit: upper.unit,
        text,
        firstToken: bare.tokenIndex,
        lastToken: bare.tokenIndex,
      },
    ];
  });
}
