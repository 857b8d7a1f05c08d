import type { NumberWords } from './number-words';

const digits = /^\d+(\.\d+)?$/;

/**
 * Replaces every number said in words by its digits ("trinta e oito e meio" → "38.5",
 * "one hundred and twenty" → "120"), in tokens already lower case and without accents. Numbers
 * already in digits are kept; a half or a decimal part said after them is joined to them.
 */
export function spokenNumbersToDigits(tokens: readonly string[], words: NumberWords): string[] {
  const result: string[] = [];
  for (let index = 0; index < tokens.length;) {
    const number = readNumber(tokens, index, words);
    if (number) {
      result.push(String(number.value));
      index = number.end;
    } else {
      result.push(tokens[index]!);
      index += 1;
    }
  }
  return result;
}

interface ReadNumber {
  value: number;
  end: number;
}

function readNumber(tokens: readonly string[], start: number, words: NumberWords): ReadNumber | undefined {
  const whole = readWhole(tokens, start, words);
  if (!whole) return undefined;
  let { value, end } = whole;
  if (words.decimalPoint.includes(tokens[end] ?? '') && Number.isInteger(value)) {
    const fraction = readFractionDigits(tokens, end + 1, words);
    if (fraction) return { value: Number(`${value}.${fraction.digits}`), end: fraction.end };
  }
  const half = words.halves.find((sequence) =>
    sequence.every((word, offset) => tokens[end + offset] === word),
  );
  if (half && Number.isInteger(value)) {
    value += 0.5;
    end += half.length;
  }
  return { value, end };
}

/**
 * The integer part. `lastPlace` is the smallest place filled so far (3 hundreds, 2 tens, 1 units):
 * a part may follow only if it fills a smaller place, so "dois e três" stays two numbers.
 */
function readWhole(tokens: readonly string[], start: number, words: NumberWords): ReadNumber | undefined {
  let thousands = 0;
  let group = 0;
  let lastPlace = Number.POSITIVE_INFINITY;
  let started = false;
  let index = start;
  while (index < tokens.length) {
    const token = tokens[index]!;
    if (!started && digits.test(token)) {
      if (!Number.isInteger(Number(token))) return { value: Number(token), end: index + 1 };
      group = Number(token);
      lastPlace = 1;
      started = true;
      index += 1;
      continue;
    }
    const multiplier = words.multipliers.get(token);
    if (multiplier !== undefined && (started || multiplier === 1000)) {
      if (multiplier === 1000) {
        if (thousands > 0) break;
        thousands = (started ? group : 1) * 1000;
        group = 0;
        lastPlace = 4;
      } else {
        if (group === 0 || group >= 100) break;
        group *= multiplier;
        lastPlace = 3;
      }
      started = true;
      index += 1;
      continue;
    }
    const joined = started && token === words.joiner;
    const candidate = joined ? tokens[index + 1] : token;
    const value = candidate === undefined ? undefined : words.values.get(candidate);
    if (value === undefined) break;
    const place = value >= 100 ? 3 : value >= 10 ? 2 : 1;
    const follows = !started || (place < lastPlace && (joined || words.adjacentParts || lastPlace === 4));
    if (!follows) break;
    group += value;
    // A teen fills the tens and the units at once.
    lastPlace = value >= 10 && value < 20 ? 1 : place;
    started = true;
    index += joined ? 2 : 1;
  }
  return started ? { value: thousands + group, end: index } : undefined;
}

/** Digits after the decimal point: a number ("vírgula vinte e cinco") and/or single digits ("point two five"). */
function readFractionDigits(
  tokens: readonly string[],
  start: number,
  words: NumberWords,
): { digits: string; end: number } | undefined {
  let text = '';
  let index = start;
  const first = readWhole(tokens, index, words);
  if (!first || !Number.isInteger(first.value)) return undefined;
  text += String(first.value);
  index = first.end;
  while (index < tokens.length) {
    const token = tokens[index]!;
    const value = /^\d$/.test(token) ? Number(token) : words.values.get(token);
    if (value === undefined || value > 9) break;
    text += String(value);
    index += 1;
  }
  return { digits: text, end: index };
}
