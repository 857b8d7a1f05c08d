import { type ClinicalToken } from './tokenize-clinical-text';

export type UnitDimension =
  | 'mass'
  | 'volume'
  | 'length'
  | 'temperature'
  | 'heart-rate'
  | 'respiratory-rate'
  | 'pressure'
  | 'percent'
  | 'time'
  | 'calendar-time'
  | 'times'
  | 'dose-form'
  | 'drops'
  | 'international-units'
  | 'puffs'
  | 'mg-per-kg'
  | 'mg-per-dl'
  | 'score';

export interface ClinicalUnit {
  readonly dimension: UnitDimension;
  /** Multiplier into the dimension's base unit, so "1 g" and "1000 mg" compare equal. */
  readonly scale: number;
  /** Whether an amount in this unit is a drug dose (flagged as `dose`, not `number`). */
  readonly isDose: boolean;
}

const unit = (dimension: UnitDimension, scale = 1, isDose = false): ClinicalUnit => ({
  dimension,
  scale,
  isDose,
});

const microgram = unit('mass', 0.001, true);
const milligram = unit('mass', 1, true);
const gram = unit('mass', 1000, true);
const millilitre = unit('volume', 1, true);
const litre = unit('volume', 1000);
const degrees = unit('temperature');
const minute = unit('time', 1);
const hour = unit('time', 60);
const day = unit('time', 60 * 24);
const week = unit('time', 60 * 24 * 7);
// Months and years are only compared with each other: a month is not a fixed number of days.
const month = unit('calendar-time', 1);
const year = unit('calendar-time', 12);
const doseForm = unit('dose-form', 1, true);

/** Spellings as normalized tokens, space-separated ("mg / dl" is the three tokens of "mg/dL"). */
const spellings: ReadonlyArray<readonly [string, ClinicalUnit]> = [
  ...each(
    ['mcg', 'µg', 'μg', 'ug', 'microgramas', 'micrograma', 'micrograms', 'microgram', 'microgramos'],
    microgram,
  ),
  ...each(['mg / kg', 'mg por kg', 'miligramas por quilo'], unit('mg-per-kg', 1, true)),
  ...each(['mg / dl', 'miligramas por decilitro'], unit('mg-per-dl')),
  ...each(
    ['mg', 'mgs', 'miligramas', 'miligrama', 'milligrams', 'milligram', 'miligramos', 'miligramo'],
    milligram,
  ),
  ...each(['g', 'gr', 'gramas', 'grama', 'grams', 'gram', 'gramos', 'gramo'], gram),
  // A body weight, not a dose, yet comparable with grams ("peso 8.200 g").
  ...each(
    ['kg', 'kgs', 'quilos', 'quilo', 'quilogramas', 'kilos', 'kilo', 'kilograms', 'kilogramos'],
    unit('mass', 1e6),
  ),
  ...each(['ml', 'cc', 'mililitros', 'mililitro', 'milliliters', 'millilitres', 'milliliter'], millilitre),
  ...each(['l', 'litros', 'litro', 'liters', 'litres', 'liter'], litre),
  ...each(['mm', 'milimetros', 'millimeters', 'millimetres'], unit('length', 1)),
  ...each(['cm', 'centimetros', 'centimeters', 'centimetres'], unit('length', 10)),
  ...each(
    ['° c', '°c', 'graus celsius', 'graus', 'grau', '°', 'degrees celsius', 'degrees', 'degree'],
    degrees,
  ),
  ...each(['grados centigrados', 'grados', 'grado'], degrees),
  // Degrees are compared as written: speech says "degrees" for either scale, and a note that converts
  // between scales is worth a second look anyway.
  ...each(['° f', '°f', 'degrees fahrenheit', 'fahrenheit'], degrees),
  ...each(
    ['bpm', 'batimentos por minuto', 'batimentos', 'beats per minute', 'latidos por minuto'],
    unit('heart-rate'),
  ),
  ...each(['irpm', 'ipm', 'rpm', 'incursoes por minuto', 'respiracoes por minuto'], unit('respiratory-rate')),
  ...each(['breaths per minute', 'respiraciones por minuto'], unit('respiratory-rate')),
  ...each(['mmhg', 'mm hg', 'milimetros de mercurio'], unit('pressure')),
  ...each(['%', 'por cento', 'percent', 'per cent', 'por ciento'], unit('percent')),
  ...each(['min', 'mins', 'minutos', 'minuto', 'minutes', 'minute'], minute),
  ...each(['h', 'hs', 'hr', 'hrs', 'horas', 'hora', 'hours', 'hour'], hour),
  ...each(['dias', 'dia', 'days', 'day'], day),
  ...each(['semanas', 'semana', 'weeks', 'week', 'wk', 'wks'], week),
  ...each(['meses', 'mes', 'months', 'month'], month),
  ...each(['anos', 'ano', 'years', 'year', 'yrs', 'y / o', 'yo', 'anos de edad'], year),
  ...each(['vezes', 'vez', 'x', 'times', 'veces'], unit('times')),
  ...each(
    ['comprimidos', 'comprimido', 'comp', 'cp', 'cps', 'cpr', 'tablets', 'tablet', 'tabs', 'tab'],
    doseForm,
  ),
  ...each(
    ['pills', 'pill', 'pilulas', 'pilula', 'capsulas', 'capsula', 'capsules', 'capsule', 'caps'],
    doseForm,
  ),
  ...each(['pastillas', 'pastilla', 'tabletas', 'tableta'], doseForm),
  ...each(['gotas', 'gota', 'drops', 'drop', 'gts', 'gt'], unit('drops', 1, true)),
  ...each(['ui', 'iu', 'unidades', 'units'], unit('international-units', 1, true)),
  ...each(['jatos', 'jato', 'puffs', 'puff', 'inalacoes', 'inalaciones'], unit('puffs', 1, true)),
];

function each(words: readonly string[], target: ClinicalUnit): Array<readonly [string, ClinicalUnit]> {
  return words.map((word) => [word, target] as const);
}

/** Single letters that are units only when glued to the number ("38C", "7d"); spaced, they are words. */
const gluedOnly: ReadonlyArray<readonly [string, ClinicalUnit]> = [
  ['c', degrees],
  ['f', degrees],
  ['d', day],
];

const byLength = [...spellings]
  .map(([words, target]) => ({ tokens: words.split(' '), unit: target }))
  .sort((left, right) => right.tokens.length - left.tokens.length);

/** Every word that can start a unit: a unit is not a clinical finding and not a drug name. */
export const unitWords: ReadonlySet<string> = new Set(byLength.map((spelling) => spelling.tokens[0] ?? ''));

/** The unit written at `index` (just after a number), and the index after it. */
export function matchUnit(
  tokens: readonly ClinicalToken[],
  index: number,
): { unit: ClinicalUnit; next: number } | undefined {
  const first = tokens[index];
  const previous = tokens[index - 1];
  if (first === undefined) return undefined;
  for (const spelling of byLength) {
    if (spelling.tokens.every((word, offset) => tokens[index + offset]?.norm === word)) {
      return { unit: spelling.unit, next: index + spelling.tokens.length };
    }
  }
  const glued = previous !== undefined && previous.end === first.start;
  const gluedUnit = glued ? gluedOnly.find(([word]) => word === first.norm)?.[1] : undefined;
  return gluedUnit === undefined ? undefined : { unit: gluedUnit, next: index + 1 };
}

export const scoreUnit = unit('score');
