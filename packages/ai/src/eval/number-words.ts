import type { EvalLanguage } from './scripted-consultations';

/** How a language says numbers, with accents already removed. */
export interface NumberWords {
  /** Words with a value below 1000. */
  values: ReadonlyMap<string, number>;
  /** Words that multiply what came before them ("mil", "thousand", "hundred"). */
  multipliers: ReadonlyMap<string, number>;
  /** The word that joins parts of one number ("vinte e cinco", "one hundred and five"). */
  joiner: string;
  /** The words that start the decimal part ("virgula", "point"). */
  decimalPoint: readonly string[];
  /** Word sequences after a number that add one half ("e meio", "and a half"). */
  halves: readonly (readonly string[])[];
  /** Words that may follow each other without a joiner ("twenty five" in English, never in Portuguese). */
  adjacentParts: boolean;
}

const entries = (list: Record<string, number>) => new Map(Object.entries(list));

const portuguese: NumberWords = {
  values: entries({
    zero: 0,
    um: 1,
    uma: 1,
    dois: 2,
    duas: 2,
    tres: 3,
    quatro: 4,
    cinco: 5,
    seis: 6,
    sete: 7,
    oito: 8,
    nove: 9,
    dez: 10,
    onze: 11,
    doze: 12,
    treze: 13,
    quatorze: 14,
    catorze: 14,
    quinze: 15,
    dezesseis: 16,
    dezessete: 17,
    dezoito: 18,
    dezenove: 19,
    vinte: 20,
    trinta: 30,
    quarenta: 40,
    cinquenta: 50,
    sessenta: 60,
    setenta: 70,
    oitenta: 80,
    noventa: 90,
    cem: 100,
    cento: 100,
    duzentos: 200,
    duzentas: 200,
    trezentos: 300,
    trezentas: 300,
    quatrocentos: 400,
    quatrocentas: 400,
    quinhentos: 500,
    quinhentas: 500,
    seiscentos: 600,
    seiscentas: 600,
    setecentos: 700,
    setecentas: 700,
    oitocentos: 800,
    oitocentas: 800,
    novecentos: 900,
    novecentas: 900,
  }),
  multipliers: entries({ mil: 1000 }),
  joiner: 'e',
  decimalPoint: ['virgula'],
  halves: [
    ['e', 'meio'],
    ['e', 'meia'],
  ],
  adjacentParts: false,
};

const english: NumberWords = {
  values: entries({
    zero: 0,
    one: 1,
    two: 2,
    three: 3,
    four: 4,
    five: 5,
    six: 6,
    seven: 7,
    eight: 8,
    nine: 9,
    ten: 10,
    eleven: 11,
    twelve: 12,
    thirteen: 13,
    fourteen: 14,
    fifteen: 15,
    sixteen: 16,
    seventeen: 17,
    eighteen: 18,
    nineteen: 19,
    twenty: 20,
    thirty: 30,
    forty: 40,
    fifty: 50,
    sixty: 60,
    seventy: 70,
    eighty: 80,
    ninety: 90,
  }),
  multipliers: entries({ hundred: 100, thousand: 1000 }),
  joiner: 'and',
  decimalPoint: ['point'],
  halves: [['and', 'a', 'half']],
  adjacentParts: true,
};

export const numberWords: Record<EvalLanguage, NumberWords> = { 'pt-BR': portuguese, en: english };
