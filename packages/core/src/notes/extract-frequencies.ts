import { type CheckLanguage } from './check-language';
import { unitWords } from './clinical-units';
import {
  abbreviations,
  dailyWords,
  dayWords,
  englishCounts,
  everyWords,
  hourWords,
  looseDailyPhrases,
  periodFillers,
  timesWords,
  weeklyWords,
  weekWords,
} from './frequency-words';
import { type ClinicalToken } from './tokenize-clinical-text';

export interface Frequency {
  /** Administrations per day: "8/8h", "TID" and "três vezes ao dia" are all 3. */
  readonly perDay: number;
  /** Read from a loose spoken form ("de manhã"), in the evidence only. */
  readonly loose: boolean;
  readonly text: string;
  readonly firstToken: number;
  readonly lastToken: number;
}

interface FrequencyMatch {
  readonly perDay: number;
  readonly loose?: true;
  /** Index of the first token after the match. */
  readonly next: number;
}

type Matcher = (
  tokens: readonly ClinicalToken[],
  index: number,
  language: CheckLanguage,
) => FrequencyMatch | undefined;

const valueAt = (tokens: readonly ClinicalToken[], index: number): number | undefined =>
  tokens[index]?.kind === 'number' ? tokens[index]?.values?.[0] : undefined;
const normAt = (tokens: readonly ClinicalToken[], index: number): string => tokens[index]?.norm ?? '';

/**
 * "8/8h", "de 8 em 8 horas", "de oito em oito": an interval in hours. Speech leaves the unit out; a note's
 * "12/12" without it is more likely a date.
 */
const repeatedInterval: Matcher = (tokens, index) => {
  const start = normAt(tokens, index) === 'de' ? index + 1 : index;
  const hours = valueAt(tokens, start);
  const separator = normAt(tokens, start + 1);
  if (hours === undefined || hours <= 0 || !(separator === '/' || separator === 'em' || separator === 'en'))
    return undefined;
  if (valueAt(tokens, start + 2) !== hours) return undefined;
  const unitWord = normAt(tokens, start + 3);
  if (dayWords.has(unitWord)) return { perDay: 1 / hours, next: start + 4 };
  if (hourWords.has(unitWord)) return { perDay: 24 / hours, next: start + 4 };
  return separator === '/' ? undefined : { perDay: 24 / hours, next: start + 3 };
};

/** "a cada 8 horas", "every 8 hours", "cada 2 días", "every other day", "q8h". */
const everyInterval: Matcher = (tokens, index) => {
  const compact = /^q(\d+)h$/.exec(normAt(tokens, index));
  if (compact?.[1] !== undefined) return { perDay: 24 / Number(compact[1]), next: index + 1 };
  const word = normAt(tokens, index);
  if (!everyWords.has(word) && word !== 'q') return undefined;
  if (normAt(tokens, index + 1) === 'other' && dayWords.has(normAt(tokens, index + 2)))
    return { perDay: 0.5, next: index + 3 };
  const count = valueAt(tokens, index + 1);
  const unitWord = normAt(tokens, index + 2);
  if (count === undefined || count <= 0) return undefined;
  if (hourWords.has(unitWord)) return { perDay: 24 / count, next: index + 3 };
  if (dayWords.has(unitWord)) return { perDay: 1 / count, next: index + 3 };
  if (weekWords.has(unitWord)) return { perDay: 1 / (7 * count), next: index + 3 };
  return undefined;
};

/** The period after a count ("ao dia", "/dia", "a day", "daily", "por semana"), as a divisor in days. */
function readPeriod(
  tokens: readonly ClinicalToken[],
  index: number,
): { days: number; next: number } | undefined {
  let next = index;
  while (next < index + 3 && periodFillers.has(normAt(tokens, next))) next++;
  const word = normAt(tokens, next);
  if (dayWords.has(word) || dailyWords.has(word)) return { days: 1, next: next + 1 };
  if (weekWords.has(word) || weeklyWords.has(word)) return { days: 7, next: next + 1 };
  return undefined;
}

/** "2x ao dia", "duas vezes por dia", "3 times a day", "twice daily", "once a week". */
const countPerPeriod =
  (lenient: boolean): Matcher =>
  (tokens, index, language) => {
    const englishCount = language === 'en' ? englishCounts.get(normAt(tokens, index)) : undefined;
    const count = englishCount ?? valueAt(tokens, index);
    const afterCount = englishCount !== undefined ? index + 1 : index + 2;
    if (count === undefined || (englishCount === undefined && !timesWords.has(normAt(tokens, index + 1)))) {
      return undefined;
    }
    const period = readPeriod(tokens, afterCount);
    if (period !== undefined) return { perDay: count / period.days, next: period.next };
    // Speech often leaves the period out ("tomar duas vezes"); only the evidence reads it that way.
    return lenient ? { perDay: count, next: afterCount, loose: true } : undefined;
  };

/** "BID", "b.i.d.", "TID"; "OD" (once daily) only right after a dose, since it is also the right eye. */
const latinAbbreviation: Matcher = (tokens, index, language) => {
  let letters = '';
  let next = index;
  while (/^[a-z]$/.test(normAt(tokens, next)) && normAt(tokens, next + 1) === '.') {
    letters += normAt(tokens, next);
    next += 2;
  }
  if (letters === '') {
    letters = normAt(tokens, index);
    next = index + 1;
  }
  if (letters === 'qid' && language === 'pt') return undefined;
  if (letters === 'od') {
    const previous = tokens[index - 1];
    const afterDose = previous !== undefined && (previous.kind === 'number' || unitWords.has(previous.norm));
    return language === 'en' && afterDose ? { perDay: 1, next } : undefined;
  }
  const perDay = abbreviations.get(letters);
  return perDay === undefined ? undefined : { perDay, next };
};

/** "daily" on its own, as in "lisinopril 10 mg daily". */
const dailyWord: Matcher = (tokens, index) =>
  dailyWords.has(normAt(tokens, index)) ? { perDay: 1, next: index + 1 } : undefined;
const weeklyWord: Matcher = (tokens, index) =>
  weeklyWords.has(normAt(tokens, index)) ? { perDay: 1 / 7, next: index + 1 } : undefined;

const looseDailyPhrase: Matcher = (tokens, index) => {
  for (const [phrase, perDay] of looseDailyPhrases) {
    const words = phrase.split(' ');
    if (words.every((word, offset) => normAt(tokens, index + offset) === word)) {
      return { perDay, next: index + words.length, loose: true };
    }
  }
  return undefined;
};

/**
 * Dosing frequencies. The note side is read strictly; the evidence side (`lenient`) also reads loose spoken
 * forms and keeps overlapping readings, since there a wrong reading can only hide a flag, not raise one.
 */
export function extractFrequencies(
  tokens: readonly ClinicalToken[],
  source: string,
  language: CheckLanguage,
  options: { lenient: boolean },
): Frequency[] {
  const matchers: Matcher[] = [
    repeatedInterval,
    everyInterval,
    countPerPeriod(options.lenient),
    latinAbbreviation,
    dailyWord,
    weeklyWord,
    ...(options.lenient ? [looseDailyPhrase] : []),
  ];
  const frequencies: Frequency[] = [];
  for (let index = 0; index < tokens.length; index++) {
    for (const matcher of matchers) {
      const match = matcher(tokens, index, language);
      if (match === undefined) continue;
      const text = source.slice(tokens[index]?.start ?? 0, tokens[match.next - 1]?.end ?? 0);
      frequencies.push({
        perDay: match.perDay,
        loose: match.loose === true,
        text,
        firstToken: index,
        lastToken: match.next - 1,
      });
      if (!options.lenient) {
        index = match.next - 1;
        break;
      }
    }
  }
  return frequencies.filter((frequency) => !frequencies.some((other) => contains(other, frequency)));
}

/**
 * A reading inside a wider one is part of it: "por dia" in "duas vezes por dia" is not once a day, and
 * "doze em doze horas" in "de doze em doze horas" is the same reading twice.
 */
function contains(outer: Frequency, inner: Frequency): boolean {
  const strictlyWider = outer.lastToken - outer.firstToken > inner.lastToken - inner.firstToken;
  return strictlyWider && outer.firstToken <= inner.firstToken && outer.lastToken >= inner.lastToken;
}
