import { type CheckLanguage } from './check-language';

/**
 * Readings of a number written in digits, the likeliest first. "37,5" and "37.5" both read 37.5 whatever the
 * language, because notes and speech-to-text mix both styles; "1.500" is 1500 in Portuguese and Spanish but
 * 1.5 in English, so such a writing keeps both readings.
 */
export function readDigits(text: string, language: CheckLanguage): number[] {
  const separators = text.match(/[.,]/g) ?? [];
  const groups = text.split(/[.,]/);
  if (separators.length === 0) return [Number(text)];
  if (separators.length === 1) {
    const [whole = '', fraction = ''] = groups;
    const asDecimal = Number(`${whole}.${fraction}`);
    if (fraction.length !== 3 || Number(whole) === 0) return [asDecimal];
    const asThousands = Number(whole + fraction);
    const thousandsSeparator = language === 'en' ? ',' : '.';
    return separators[0] === thousandsSeparator ? [asThousands, asDecimal] : [asDecimal, asThousands];
  }
  if (separators.every((separator) => separator === separators[0])) return [Number(groups.join(''))];
  // "1.234,5" or "1,234.5": the last separator is the decimal point, the others group thousands.
  return [Number(`${groups.slice(0, -1).join('')}.${groups.at(-1) ?? ''}`)];
}
