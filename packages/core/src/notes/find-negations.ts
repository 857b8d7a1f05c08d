import { type CheckLanguage } from './check-language';
import { isFindingWord } from './is-finding-word';
import { forwardAfterTrailing, isContractedNegation, type NegationCues, negationCues } from './negation-cues';
import { type ClinicalToken, isSentenceBreak } from './tokenize-clinical-text';

export type Polarity = 'affirmed' | 'negated' | 'neutral';

/** One mention of a finding and whether the text affirms or denies it. */
export interface TermMention {
  /** Normalized word, or the finding it stands for ("afebril" → "febre", negated). */
  readonly term: string;
  readonly polarity: Polarity;
  readonly tokenIndex: number;
  /** The token that negates it, for showing the clinician what the text says. */
  readonly cueIndex?: number;
}

interface Sentence {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly isQuestion: boolean;
}

/** The text being read and what has been decided about each of its tokens. */
interface Reading {
  readonly tokens: readonly ClinicalToken[];
  readonly language: CheckLanguage;
  readonly cues: NegationCues;
  readonly polarity: Polarity[];
  readonly cueOf: Array<number | undefined>;
}

function splitSentences(tokens: readonly ClinicalToken[]): Sentence[] {
  const sentences: Sentence[] = [];
  let start = 0;
  tokens.forEach((token, index) => {
    if (!isSentenceBreak(token)) return;
    if (index > start) sentences.push({ start, end: index, isQuestion: token.norm === '?' });
    start = index + 1;
  });
  if (start < tokens.length) sentences.push({ start, end: tokens.length, isQuestion: false });
  return sentences;
}

const isFinding = (reading: Reading, index: number) => {
  const token = reading.tokens[index];
  return token !== undefined && isFindingWord(token, reading.language);
};

function negate(reading: Reading, index: number, cue: number) {
  reading.polarity[index] = 'negated';
  reading.cueOf[index] = cue;
}

function neutralize(reading: Reading, from: number, to: number) {
  for (let index = from; index < to; index++) reading.polarity[index] = 'neutral';
}

function isNegationCue(token: ClinicalToken, cues: NegationCues): boolean {
  return (
    cues.verbal.has(token.norm) || cues.prepositional.has(token.norm) || isContractedNegation(token.norm)
  );
}

function isHypothetical({ tokens, cues, language }: Reading, index: number): boolean {
  const token = tokens[index];
  if (token === undefined || !cues.hypothetical.has(token.norm)) return false;
  if (language === 'pt' && token.norm === 'se') {
    return tokens[index - 1]?.norm !== '-' && !cues.reflexiveVerbs.has(tokens[index + 1]?.norm ?? '');
  }
  return true;
}

/** "sem febre, calafrios ou sudorese": a preposition's scope runs over commas only into a closed list. */
function listClosesLater({ tokens, cues }: Reading, from: number, sentence: Sentence): boolean {
  for (let index = from + 1; index < sentence.end; index++) {
    const norm = tokens[index]?.norm ?? '';
    if (cues.contrasts.has(norm) || cues.affirming.has(norm)) return false;
    if (cues.listJoiners.has(norm)) return true;
  }
  return false;
}

/** The findings a cue negates after it; stops at a contrast, a new affirmation or a condition. */
function readForwardScope(reading: Reading, cue: number, sentence: Sentence) {
  const { tokens, cues } = reading;
  const cueNorm = tokens[cue]?.norm ?? '';
  const runsOverCommas = cues.verbal.has(cueNorm) || isContractedNegation(cueNorm);
  const negated: number[] = [];
  // "Calafrio também não, nem dor": a cue closed by a comma negates what came before it.
  if (tokens[cue + 1]?.norm === ',') return { negated, next: cue + 1, hypotheticalFrom: undefined };
  let index = cue + 1;
  for (; index < sentence.end; index++) {
    const token = tokens[index];
    if (token === undefined || cues.contrasts.has(token.norm)) break;
    if (isHypothetical(reading, index)) return { negated, next: index, hypotheticalFrom: index };
    if (cues.affirming.has(token.norm) && negated.length > 0) break;
    if (token.norm === ',' && !runsOverCommas && !listClosesLater(reading, index, sentence)) break;
    if (isFinding(reading, index)) negated.push(index);
  }
  return { negated, next: index, hypotheticalFrom: undefined };
}

/** "Alergias: nega", "febre não tive", "sorologia negativa": the findings before a cue, back to a comma. */
function readBackwardScope(reading: Reading, cue: number, sentence: Sentence) {
  for (let index = cue - 1; index >= sentence.start; index--) {
    const token = reading.tokens[index];
    if (token === undefined || token.norm === ',' || reading.cues.contrasts.has(token.norm)) return;
    if (isNegationCue(token, reading.cues)) return;
    if (isFinding(reading, index)) negate(reading, index, cue);
  }
}

function readStatement(reading: Reading, sentence: Sentence, from: number) {
  const { tokens, cues } = reading;
  for (let index = from; index < sentence.end;) {
    const token = tokens[index];
    if (token === undefined) return;
    if (isHypothetical(reading, index)) return neutralize(reading, index, sentence.end);
    const readsForward =
      cues.trailing.has(token.norm) && forwardAfterTrailing.has(tokens[index + 1]?.norm ?? '');
    if (!isNegationCue(token, cues) && !readsForward) {
      if (cues.trailing.has(token.norm)) readBackwardScope(reading, index, sentence);
      index++;
      continue;
    }
    const scope = readForwardScope(reading, index, sentence);
    if (scope.negated.length === 0) readBackwardScope(reading, index, sentence);
    for (const negated of scope.negated) negate(reading, negated, index);
    if (scope.hypotheticalFrom !== undefined)
      return neutralize(reading, scope.hypotheticalFrom, sentence.end);
    index = scope.next;
  }
}

/** A question affirms nothing, unless the next sentence opens with a yes or a no ("Teve febre? Não."). */
function readQuestion(
  reading: Reading,
  question: Sentence,
  answer: ClinicalToken | undefined,
  answerAt: number,
) {
  if (answer !== undefined && reading.cues.noAnswers.has(answer.norm)) {
    for (let index = question.start; index < question.end; index++) negate(reading, index, answerAt);
  } else if (answer === undefined || !reading.cues.yesAnswers.has(answer.norm)) {
    neutralize(reading, question.start, question.end);
  }
}

/** "não tenho diabetes, mas minha mãe tem": the clause about the mother says nothing about the patient. */
function neutralizeRelativesClauses(reading: Reading) {
  const { tokens, cues } = reading;
  const isClauseBreak = (token: ClinicalToken) =>
    isSentenceBreak(token) || token.norm === ',' || cues.contrasts.has(token.norm);
  let clauseStart = 0;
  tokens.forEach((token, index) => {
    if (isClauseBreak(token)) clauseStart = index + 1;
    if (!cues.relatives.has(token.norm)) return;
    const clauseEnd = tokens.findIndex((other, position) => position > index && isClauseBreak(other));
    neutralize(reading, clauseStart, clauseEnd === -1 ? tokens.length : clauseEnd);
  });
}

/**
 * Marks each finding as affirmed, negated or neutral. Negation cues scope forward over the finding
 * ("nega febre", "no chest pain"), or backward when nothing follows ("Alergias: nega", "febre não tive");
 * questions are neutral unless the next sentence answers them ("Teve febre? Não."); conditions and advice
 * ("retornar se febre") are neutral, so a plan item never contradicts a denied symptom.
 */
export function findNegations(tokens: readonly ClinicalToken[], language: CheckLanguage): TermMention[] {
  const cues = negationCues[language];
  const reading: Reading = {
    tokens,
    language,
    cues,
    polarity: tokens.map(() => 'affirmed'),
    cueOf: tokens.map(() => undefined),
  };
  const sentences = splitSentences(tokens);
  sentences.forEach((sentence, position) => {
    const next = sentences[position + 1];
    if (sentence.isQuestion) {
      readQuestion(reading, sentence, next === undefined ? undefined : tokens[next.start], next?.start ?? 0);
      return;
    }
    const first = tokens[sentence.start];
    // A "yes" that answers is no condition (Spanish "sí" reads "si", which is also "if"); a "no" still
    // negates what follows it ("No fever.").
    const answersYes = sentences[position - 1]?.isQuestion === true && cues.yesAnswers.has(first?.norm ?? '');
    readStatement(reading, sentence, answersYes ? sentence.start + 1 : sentence.start);
  });
  neutralizeRelativesClauses(reading);

  return tokens.flatMap((token, index) => {
    if (!isFinding(reading, index)) return [];
    const [term, reversed] = cues.polarTerms.get(token.norm) ?? [token.norm, false];
    const stated = reading.polarity[index] ?? 'neutral';
    const polarity: Polarity =
      reversed && stated !== 'neutral' ? (stated === 'affirmed' ? 'negated' : 'affirmed') : stated;
    const cueIndex = polarity === 'negated' ? (reading.cueOf[index] ?? index) : undefined;
    return [{ term, polarity, tokenIndex: index, cueIndex }];
  });
}
