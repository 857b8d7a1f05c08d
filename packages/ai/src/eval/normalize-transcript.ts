import { numberWords } from './number-words';
import type { EvalLanguage } from './scripted-consultations';
import { spokenNumbersToDigits } from './spoken-numbers-to-digits';

interface LanguageRules {
  /** Separators in written numbers, rewritten so that only a decimal point remains ("1.000,5" → "1000.5"). */
  numericSeparators: (text: string) => string;
  /** Between two numbers: "12/8", "12x8" → "12 por 8" (blood pressure). */
  between: string;
  degrees: string;
  /** One word for "%" and its spoken form; "cento" alone would otherwise read as 100. */
  percent: { word: string; spoken: RegExp };
  /** Written abbreviations and the words a speaker says for them. */
  abbreviations: Record<string, string>;
}

const rules: Record<EvalLanguage, LanguageRules> = {
  'pt-BR': {
    numericSeparators: (text) =>
      text.replace(/(?<=\d)\.(?=\d{3}(?!\d))/g, '').replace(/(?<=\d),(?=\d)/g, '.'),
    between: 'por',
    degrees: 'graus',
    percent: { word: 'porcento', spoken: /\bpor cento\b/g },
    abbreviations: {
      mg: 'miligramas',
      ml: 'mililitros',
      kg: 'quilos',
      bpm: 'batimentos por minuto',
      mmhg: 'milimetros de mercurio',
      dr: 'doutor',
      dra: 'doutora',
    },
  },
  en: {
    numericSeparators: (text) => text.replace(/(?<=\d),(?=\d{3}(?!\d))/g, ''),
    between: 'over',
    degrees: 'degrees',
    percent: { word: 'percent', spoken: /\bper cent\b/g },
    abbreviations: {
      mg: 'milligrams',
      ml: 'milliliters',
      kg: 'kilograms',
      bpm: 'beats per minute',
      mmhg: 'millimeters of mercury',
      dr: 'doctor',
    },
  },
};

/**
 * The words of a transcript in a form where only real differences remain: lower case, no
 * accents, no punctuation, written abbreviations spelled out, and every number in digits with a
 * decimal point ("38,5", "38.5" and "trinta e oito e meio" all become "38.5"). Numbers go to
 * digits rather than to words because that direction has one answer: "38,5" could be said
 * "trinta e oito e meio" or "trinta e oito vírgula cinco". Apply it to reference and hypothesis alike.
 */
export function normalizeTranscript(text: string, language: EvalLanguage): string[] {
  const rule = rules[language];
  const spaced = rule
    .numericSeparators(
      text
        // Before NFKC, which turns the ordinal sign "º" (often typed for degrees) into "o".
        .replace(/\s*[°º]\s*[cf]?(?![\p{L}])/giu, ` ${rule.degrees} `)
        .normalize('NFKC')
        .toLowerCase(),
    )
    .replace(/(?<=\d)\s*[/x]\s*(?=\d)/g, ` ${rule.between} `)
    // A unit written against its number ("750mg") is a word of its own.
    .replace(/(?<=\d)(?=\p{L})/gu, ' ')
    .replace(/%/g, ` ${rule.percent.word} `)
    .replace(rule.percent.spoken, rule.percent.word)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’]/g, '')
    // Decimal points survive; every other mark separates words.
    .replace(/(?<=\d)\.(?=\d)/g, '\u2024')
    .replace(/[^\p{L}\p{N}\u2024]+/gu, ' ')
    .replaceAll('\u2024', '.');
  const words = spaced
    .split(' ')
    .filter(Boolean)
    .flatMap((word) => (rule.abbreviations[word] ?? word).split(' '));
  return spokenNumbersToDigits(words, numberWords[language]).map((word) =>
    /^\d+(\.\d+)?$/.test(word) ? String(Number(word)) : word,
  );
}
