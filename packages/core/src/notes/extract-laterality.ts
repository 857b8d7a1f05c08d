import { type CheckLanguage } from './check-language';
import {
  letterNamers,
  nonSideAfterEnglish,
  nonSideBeforeLeft,
  nonSideBeforeRight,
  pairedParts,
  pairWords,
  type Side,
  sideAbbreviations,
  sideLetters,
  sideWords,
  verbsBeforeDireito,
} from './laterality-words';
import { type ClinicalToken } from './tokenize-clinical-text';

export type { Side } from './laterality-words';

export interface SideMention {
  readonly side: Side;
  readonly text: string;
  readonly tokenIndex: number;
}

function isStandaloneSideWord(tokens: readonly ClinicalToken[], index: number): boolean {
  const token = tokens[index];
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  const previousWord = previous?.kind === 'word' ? previous.norm.replace("'", '') : '';
  if (token?.norm === 'direito' || token?.norm === 'derecho') return !verbsBeforeDireito.has(previousWord);
  if (token?.norm !== 'right' && token?.norm !== 'left') return true;
  const nonSideBefore = token.norm === 'right' ? nonSideBeforeRight : nonSideBeforeLeft;
  if (nonSideBefore.has(previousWord)) return false;
  return next?.kind !== 'word' || !nonSideAfterEnglish.has(next.norm);
}

function pairedSideAt(tokens: readonly ClinicalToken[], index: number): boolean {
  const token = tokens[index];
  if (token === undefined || !pairWords.has(token.norm)) return false;
  const isNumeral =
    token.norm === 'dois' || token.norm === 'duas' || token.norm === 'two' || token.norm === 'dos';
  if (isNumeral && !/^(os|as|nos|nas|dos|das|em|the|in|on|los|las)$/.test(tokens[index - 1]?.norm ?? ''))
    return false;
  return [1, 2].some((offset) => pairedParts.has(tokens[index + offset]?.norm ?? ''));
}

function letterSideAt(
  tokens: readonly ClinicalToken[],
  index: number,
  language: CheckLanguage,
): Side | undefined {
  const token = tokens[index];
  const side = token === undefined ? undefined : sideLetters[language].get(token.text);
  if (side === undefined) return undefined;
  const previous = tokens[index - 1];
  const next = tokens[index + 1];
  if (previous?.kind === 'number' || letterNamers.has(previous?.norm ?? '')) return undefined;
  const nextIsCapitalWord = next?.kind === 'word' && /^\p{Lu}/u.test(next.text);
  if (language === 'en') {
    const beforePart = next?.kind === 'word';
    const afterPart = previous?.kind === 'word' && (next === undefined || next.kind === 'symbol');
    return beforePart || afterPart ? side : undefined;
  }
  const afterPart = previous?.kind === 'word' || previous?.text === '(';
  return afterPart && !nextIsCapitalWord ? side : undefined;
}

/** Every mention of a side: words, "ambos os joelhos", abbreviations, and side letters after a body part. */
export function extractLaterality(tokens: readonly ClinicalToken[], language: CheckLanguage): SideMention[] {
  const mentions: SideMention[] = [];
  tokens.forEach((token, index) => {
    const word = sideWords.get(token.norm);
    const side =
      (word !== undefined && isStandaloneSideWord(tokens, index) ? word : undefined) ??
      (pairedSideAt(tokens, index) ? 'both' : undefined) ??
      sideAbbreviations[language].get(token.text) ??
      letterSideAt(tokens, index, language);
    if (side !== undefined) mentions.push({ side, text: token.text, tokenIndex: index });
  });
  return mentions;
}

/** Side words are compared by the laterality check, not as findings. */
export function isSideWord(norm: string): boolean {
  return sideWords.has(norm);
}
