const words = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const hourWords = words('h hs hr hrs horas hora hours hour');
export const dayWords = words('dia dias day days d');
export const weekWords = words('semana semanas week weeks');
export const timesWords = words('x vez vezes times time veces');
/** Words between a count and its period: "2x ao dia", "3 times a day", "dos veces al día". */
export const periodFillers = words('ao por a al per / o el the each cada every na em');
export const dailyWords = words('daily diariamente diarios diarias diario diaria');
export const weeklyWords = words('weekly semanal semanais semanalmente');
export const everyWords = words('cada every');
export const englishCounts: ReadonlyMap<string, number> = new Map([
  ['once', 1],
  ['twice', 2],
  ['thrice', 3],
]);

/** Latin abbreviations, written "BID" or "b.i.d."; "QID" is a right lower quadrant in Portuguese notes. */
export const abbreviations: ReadonlyMap<string, number> = new Map([
  ...[...words('bid bd')].map((word) => [word, 2] as const),
  ...[...words('tid tds')].map((word) => [word, 3] as const),
  ...[...words('qid qds')].map((word) => [word, 4] as const),
  ...[...words('qd qam qpm qhs')].map((word) => [word, 1] as const),
  ['qod', 0.5],
]);

/** Spoken phrases that imply twice or once a day; read only in the evidence, where they may back the note. */
export const looseDailyPhrases: ReadonlyArray<readonly [phrase: string, perDay: number]> = [
  ...[
    'de manha e a noite',
    'manha e noite',
    'morning and night',
    'morning and evening',
    'manana y noche',
  ].map((phrase) => [phrase, 2] as const),
  ...[
    ...['ao dia', 'por dia', 'a day', 'per day', 'al dia', 'todo dia', 'todos os dias', 'toda manha'],
    ...['todas as manhas', 'toda noite', 'todas as noites', 'de manha', 'a noite', 'de noite', 'ao deitar'],
    ...['every day', 'every morning', 'every night', 'at night', 'at bedtime', 'in the morning'],
    ...['todos los dias', 'cada dia', 'por la manana', 'por la noche'],
  ].map((phrase) => [phrase, 1] as const),
];
