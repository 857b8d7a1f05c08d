import { type CheckLanguage } from './check-language';

/**
 * How a number word combines with the next: "trinta e oito" (ten, then unit), "duzentos e cinquenta" (hundred,
 * then ten), "two hundred" (unit, then a multiplier), "dois mil" (unit, then thousand).
 */
export type NumberWordClass = 'unit' | 'teen' | 'ten' | 'hundred' | 'hundredTimes' | 'thousandTimes';

export interface NumberWordLexicon {
  readonly words: ReadonlyMap<string, readonly [number, NumberWordClass]>;
  /** Words that join parts of one number ("e", "and", "y", the hyphen of "thirty-eight"). */
  readonly joiners: ReadonlySet<string>;
  /**
   * After which classes the joiner is required: "quinhentos e um" is 501 but "quinhentos, uma vez" is 500
   * then 1; Spanish joins only tens and units ("treinta y ocho", "doscientos cincuenta").
   */
  readonly joinerRequiredAfter: ReadonlySet<NumberWordClass>;
  /** "meio", "half": alone they are 0.5, after a number and a joiner they add 0.5. */
  readonly halves: ReadonlySet<string>;
  /** "vírgula", "point": the spoken decimal separator. */
  readonly decimalPoints: ReadonlySet<string>;
}

const classed = (cls: NumberWordClass, entries: Record<string, number>) =>
  Object.entries(entries).map(([word, value]) => [word, [value, cls]] as const);

const portugueseWords = new Map([
  ...classed('unit', { zero: 0, um: 1, uma: 1, dois: 2, duas: 2, tres: 3, quatro: 4, cinco: 5, seis: 6 }),
  ...classed('unit', { sete: 7, oito: 8, nove: 9 }),
  ...classed('teen', { dez: 10, onze: 11, doze: 12, treze: 13, catorze: 14, quatorze: 14, quinze: 15 }),
  ...classed('teen', { dezesseis: 16, dezasseis: 16, dezessete: 17, dezassete: 17, dezoito: 18 }),
  ...classed('teen', { dezenove: 19, dezanove: 19 }),
  ...classed('ten', { vinte: 20, trinta: 30, quarenta: 40, cinquenta: 50, sessenta: 60, setenta: 70 }),
  ...classed('ten', { oitenta: 80, noventa: 90 }),
  ...classed('hundred', { cem: 100, cento: 100, duzentos: 200, duzentas: 200, trezentos: 300 }),
  ...classed('hundred', { trezentas: 300, quatrocentos: 400, quatrocentas: 400, quinhentos: 500 }),
  ...classed('hundred', { quinhentas: 500, seiscentos: 600, seiscentas: 600, setecentos: 700 }),
  ...classed('hundred', { setecentas: 700, oitocentos: 800, oitocentas: 800, novecentos: 900 }),
  ...classed('hundred', { novecentas: 900 }),
  ...classed('thousandTimes', { mil: 1000 }),
]);

const englishWords = new Map([
  ...classed('unit', { zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8 }),
  ...classed('unit', { nine: 9 }),
  ...classed('teen', { ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15 }),
  ...classed('teen', { sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19 }),
  ...classed('ten', { twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80 }),
  ...classed('ten', { ninety: 90 }),
  ...classed('hundredTimes', { hundred: 100 }),
  ...classed('thousandTimes', { thousand: 1000 }),
]);

const spanishWords = new Map([
  ...classed('unit', { cero: 0, un: 1, uno: 1, una: 1, dos: 2, tres: 3, cuatro: 4, cinco: 5, seis: 6 }),
  ...classed('unit', { siete: 7, ocho: 8, nueve: 9 }),
  // "once" is eleven in Spanish only; in English it is a frequency.
  ...classed('teen', { diez: 10, once: 11, doce: 12, trece: 13, catorce: 14, quince: 15, dieciseis: 16 }),
  ...classed('teen', { diecisiete: 17, dieciocho: 18, diecinueve: 19, veintiuno: 21, veintiuna: 21 }),
  ...classed('teen', { veintidos: 22, veintitres: 23, veinticuatro: 24, veinticinco: 25 }),
  ...classed('teen', { veintiseis: 26, veintisiete: 27, veintiocho: 28, veintinueve: 29 }),
  ...classed('ten', { veinte: 20, treinta: 30, cuarenta: 40, cincuenta: 50, sesenta: 60, setenta: 70 }),
  ...classed('ten', { ochenta: 80, noventa: 90 }),
  ...classed('hundred', { cien: 100, ciento: 100, doscientos: 200, doscientas: 200, trescientos: 300 }),
  ...classed('hundred', { trescientas: 300, cuatrocientos: 400, cuatrocientas: 400, quinientos: 500 }),
  ...classed('hundred', { quinientas: 500, seiscientos: 600, seiscientas: 600, setecientos: 700 }),
  ...classed('hundred', { setecientas: 700, ochocientos: 800, ochocientas: 800, novecientos: 900 }),
  ...classed('hundred', { novecientas: 900 }),
  ...classed('thousandTimes', { mil: 1000 }),
]);

export const numberWordLexicons: Record<CheckLanguage, NumberWordLexicon> = {
  pt: {
    words: portugueseWords,
    joiners: new Set(['e', '-']),
    joinerRequiredAfter: new Set(['ten', 'hundred']),
    halves: new Set(['meio', 'meia']),
    decimalPoints: new Set(['virgula', 'ponto']),
  },
  en: {
    words: englishWords,
    joiners: new Set(['and', '-']),
    joinerRequiredAfter: new Set(),
    halves: new Set(['half']),
    decimalPoints: new Set(['point']),
  },
  es: {
    words: spanishWords,
    joiners: new Set(['y', '-']),
    joinerRequiredAfter: new Set(['ten']),
    halves: new Set(['medio', 'media']),
    decimalPoints: new Set(['coma', 'punto']),
  },
};

/** Which classes may come next within one number. */
export const mayFollow: Record<NumberWordClass | 'digits', ReadonlySet<NumberWordClass>> = {
  digits: new Set(['hundredTimes', 'thousandTimes']),
  unit: new Set(['hundredTimes', 'thousandTimes']),
  teen: new Set(['hundredTimes', 'thousandTimes']),
  ten: new Set(['unit', 'thousandTimes']),
  hundred: new Set(['ten', 'teen', 'unit', 'thousandTimes']),
  hundredTimes: new Set(['ten', 'teen', 'unit', 'thousandTimes']),
  thousandTimes: new Set(['hundred', 'ten', 'teen', 'unit']),
};
