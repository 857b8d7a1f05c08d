import { type CheckLanguage } from './check-language';
import {
  mayFollow,
  type NumberWordClass,
  type NumberWordLexicon,
  numberWordLexicons,
} from './number-word-lexicons';
import { type ClinicalToken, normalizeTerm } from './tokenize-clinical-text';

interface NumberRead {
  readonly values: number[];
  /** Index of the first token after the number. */
  readonly next: number;
}

/** Spoken temperatures drop the decimal word: "trinta e sete e oito" is 37.8 °C. */
const spokenTemperature = { lowest: 34, highest: 42 };

/**
 * Index after a joiner and a half word ("e meio", "and a half", "y media") at `index`, or undefined. Shared with
 * units: "38 graus e meio", "dois dias e meio".
 */
export function matchHalfSuffix(
  tokens: readonly ClinicalToken[],
  index: number,
  language: CheckLanguage,
): number | undefined {
  const lexicon = numberWordLexicons[language];
  if (!lexicon.joiners.has(tokens[index]?.norm ?? '')) return undefined;
  let next = index + 1;
  if (language === 'en' && tokens[next]?.norm === 'a') next++;
  return lexicon.halves.has(tokens[next]?.norm ?? '') ? next + 1 : undefined;
}

function readWholeNumber(
  tokens: readonly ClinicalToken[],
  start: number,
  lexicon: NumberWordLexicon,
): { value: number; next: number; last: NumberWordClass | 'digits' } | undefined {
  const first = tokens[start];
  const firstEntry =
    first?.kind === 'number'
      ? ([first.values?.[0] ?? 0, 'digits'] as const)
      : first?.kind === 'word'
        ? lexicon.words.get(first.norm)
        : undefined;
  if (firstEntry === undefined) return undefined;
  let [current, last]: [number, NumberWordClass | 'digits'] = [firstEntry[0], firstEntry[1]];
  let total = 0;
  if (last === 'thousandTimes') [total, current] = [current, 0];
  let next = start + 1;
  for (;;) {
    const hasJoiner = lexicon.joiners.has(tokens[next]?.norm ?? '');
    const joined = hasJoiner ? next + 1 : next;
    const entry = lexicon.words.get(tokens[joined]?.norm ?? '');
    if (entry === undefined || tokens[joined]?.kind !== 'word' || !mayFollow[last].has(entry[1])) break;
    if (!hasJoiner && last !== 'digits' && lexicon.joinerRequiredAfter.has(last)) break;
    const [value, cls] = entry;
    if (cls === 'hundredTimes') current = (current || 1) * 100;
    else if (cls === 'thousandTimes') [total, current] = [total + (current || 1) * 1000, 0];
    else current += value;
    last = cls;
    next = joined + 1;
  }
  return { value: total + current, next, last };
}

function readNumberAt(
  tokens: readonly ClinicalToken[],
  start: number,
  language: CheckLanguage,
): NumberRead | undefined {
  const lexicon = numberWordLexicons[language];
  const token = tokens[start];
  if (token?.kind === 'word' && lexicon.halves.has(token.norm)) return { values: [0.5], next: start + 1 };
  const whole = readWholeNumber(tokens, start, lexicon);
  if (whole === undefined) return undefined;
  const alternatives = whole.last === 'digits' ? (token?.values ?? []).slice(1) : [];
  const impliedHundreds = readImpliedHundreds(tokens, whole, language);
  if (impliedHundreds !== undefined) return impliedHundreds;
  const afterHalf = matchHalfSuffix(tokens, whole.next, language);
  if (afterHalf !== undefined) return { values: [whole.value + 0.5], next: afterHalf };
  if (lexicon.decimalPoints.has(tokens[whole.next]?.norm ?? '')) {
    const fraction = readWholeNumber(tokens, whole.next + 1, lexicon);
    if (fraction !== undefined && Number.isInteger(fraction.value)) {
      const decimals = String(fraction.value).length;
      return { values: [whole.value + fraction.value / 10 ** decimals], next: fraction.next };
    }
  }
  const tenth = readTemperatureTenth(tokens, whole, lexicon);
  if (tenth !== undefined) return { values: [whole.value + tenth / 10, whole.value], next: whole.next + 2 };
  return { values: [whole.value, ...alternatives], next: whole.next };
}

/** Spoken English drops "hundred" from pressures and weights: "one thirty over eighty five" is 130/85. */
function readImpliedHundreds(
  tokens: readonly ClinicalToken[],
  whole: { value: number; next: number; last: NumberWordClass | 'digits' },
  language: CheckLanguage,
): NumberRead | undefined {
  if (language !== 'en' || whole.last !== 'unit' || (whole.value !== 1 && whole.value !== 2))
    return undefined;
  const lexicon = numberWordLexicons.en;
  const nextClass = lexicon.words.get(tokens[whole.next]?.norm ?? '')?.[1];
  if (nextClass !== 'ten' && nextClass !== 'teen') return undefined;
  const rest = readWholeNumber(tokens, whole.next, lexicon);
  return rest === undefined ? undefined : { values: [whole.value * 100 + rest.value], next: rest.next };
}

function readTemperatureTenth(
  tokens: readonly ClinicalToken[],
  whole: { value: number; next: number },
  lexicon: NumberWordLexicon,
): number | undefined {
  if (whole.value < spokenTemperature.lowest || whole.value > spokenTemperature.highest) return undefined;
  if (!Number.isInteger(whole.value) || !lexicon.joiners.has(tokens[whole.next]?.norm ?? ''))
    return undefined;
  const digit = tokens[whole.next + 1];
  const entry = digit?.kind === 'word' ? lexicon.words.get(digit.norm) : undefined;
  const value = digit?.kind === 'number' ? digit.values?.[0] : entry?.[1] === 'unit' ? entry[0] : undefined;
  return value !== undefined && Number.isInteger(value) && value >= 1 && value <= 9 ? value : undefined;
}

/**
 * Replaces numbers written as words ("dois", "trinta e oito e meio", "two hundred and fifty") and spoken
 * decimals ("38 vírgula 5") with one number token each, so "dois dias" and "2 dias" read the same.
 */
export function readNumberWords(
  tokens: readonly ClinicalToken[],
  source: string,
  language: CheckLanguage,
): ClinicalToken[] {
  const result: ClinicalToken[] = [];
  for (let index = 0; index < tokens.length;) {
    const token = tokens[index];
    if (token === undefined) break;
    const read = token.kind === 'symbol' ? undefined : readNumberAt(tokens, index, language);
    const lastToken = read === undefined ? undefined : tokens[read.next - 1];
    if (read === undefined || lastToken === undefined) {
      result.push(token);
      index++;
      continue;
    }
    const text = source.slice(token.start, lastToken.end);
    result.push({
      text,
      norm: normalizeTerm(text),
      start: token.start,
      end: lastToken.end,
      kind: 'number',
      values: read.values,
    });
    index = read.next;
  }
  return result;
}
