import { type CheckLanguage } from './check-language';
import { clinicalStopwords, shortClinicalTerms } from './clinical-stopwords';
import { unitWords } from './clinical-units';
import { isSideWord } from './extract-laterality';
import { forwardAfterTrailing, isContractedNegation, type NegationCues, negationCues } from './negation-cues';
import { type ClinicalToken, isSentenceBreak } from './tokenize-clinical-text';

export type Polarity = 'affirmed' | 'negated' | 'neutral';

/** One mention of a finding (a content word) and whether the text affirms or denies it. */
export interface TermMention {
  /** Normalized word, or the finding it stands for ("afebril" → "febre", negated). */
  readonly term: string;
  readonly polarity: Polarity;
  readonly tokenIndex: number;
  /** The token that negates it, for showing the clinician what the text says. */
  readonly cueIndex?: number;
}

/** Words that carry their own polarity: "afebril" denies fever, "febril" affirms it. */
const polarTerms: Record<CheckLanguage, ReadonlyMap<string, readonly [string, boolean]>> = {
  pt: new Map([
    ['afebril', ['febre', true]],
    ['apiretico', ['febre', true]],
    ['febril', ['febre', false]],
  ]),
  en: new Map([
    ['afebrile', ['fever', true]],
    ['febrile', ['fever', false]],
  ]),
  es: new Map([
    ['afebril', ['fiebre', true]],
    ['febril', ['fiebre', false]],
  ]),
};

/** Verbs after which Portuguese "se" is a pronoun ("se queixa de dor"), not "if". */
const reflexiveVerbs = new Set(
  'queixa queixou queixam sente sentiu mantem manteve apresenta encontra refere nega lembra recorda machucou cortou cansa preocupa automedicou'.split(
    ' ',
  ),
);

function isNegationCue(token: ClinicalToken, cues: NegationCues): boolean {
  return (
    cues.verbal.has(token.norm) || cues.prepositional.has(token.norm) || isContractedNegation(token.norm)
  );
}

function isCueWord(norm: string, cues: NegationCues): boolean {
  const lists = [
    cues.verbal,
    cues.prepositional,
    cues.trailing,
    cues.hypothetical,
    cues.contrasts,
    cues.affirming,
  ];
  return [...lists, cues.relatives].some((list) => list.has(norm));
}

export function isContentWord(token: ClinicalToken, language: CheckLanguage): boolean {
  if (token.kind !== 'word') return false;
  const norm = token.norm;
  if (norm.length < 4 && !shortClinicalTerms.has(norm)) return false;
  // "I've", "it's": contractions other than a negation are pronouns and auxiliaries.
  if (clinicalStopwords.has(norm) || unitWords.has(norm) || isSideWord(norm) || norm.includes("'"))
    return false;
  return !isCueWord(norm, negationCues[language]) && !isContractedNegation(norm);
}

function isHypothetical(
  tokens: readonly ClinicalToken[],
  index: number,
  cues: NegationCues,
  language: CheckLanguage,
) {
  const token = tokens[index];
  if (token === undefined || !cues.hypothetical.has(token.norm)) return false;
  if (language === 'pt' && token.norm === 'se') {
    return tokens[index - 1]?.norm !== '-' && !reflexiveVerbs.has(tokens[index + 1]?.norm ?? '');
  }
  return true;
}

interface Sentence {
  readonly start: number;
  /** Exclusive. */
  readonly end: number;
  readonly isQuestion: boolean;
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

/**
 * Marks each content word as affirmed, negated or neutral. Negation cues scope forward over the finding
 * ("nega febre", "no chest pain"), or backward when nothing follows ("Alergias: nega", "febre não tive");
 * questions are neutral unless the next sentence answers them ("Teve febre? Não."); conditions and advice
 * ("retornar se febre") are neutral, so a plan item never contradicts a denied symptom.
 */
export function findNegations(tokens: readonly ClinicalToken[], language: CheckLanguage): TermMention[] {
  const cues = negationCues[language];
  const polarity: Polarity[] = tokens.map(() => 'affirmed');
  const cueOf: Array<number | undefined> = tokens.map(() => undefined);
  const sentences = splitSentences(tokens);

  const isContent = (index: number) => {
    const token = tokens[index];
    return token !== undefined && isContentWord(token, language);
  };
  const negate = (index: number, cue: number) => {
    polarity[index] = 'negated';
    cueOf[index] = cue;
  };

  const readSentence = (sentence: Sentence, skipFirst: boolean) => {
    let index = skipFirst ? sentence.start + 1 : sentence.start;
    while (index < sentence.end) {
      const token = tokens[index];
      if (token === undefined) break;
      if (isHypothetical(tokens, index, cues, language)) {
        for (let rest = index; rest < sentence.end; rest++) polarity[rest] = 'neutral';
        return;
      }
      const trailsForward =
        cues.trailing.has(token.norm) && forwardAfterTrailing.has(tokens[index + 1]?.norm ?? '');
      if (isNegationCue(token, cues) || trailsForward) {
        const scope = readForwardScope(index, sentence);
        if (scope.negated.length === 0) readBackwardScope(index, sentence);
        scope.negated.forEach((negated) => negate(negated, index));
        if (scope.hypotheticalFrom !== undefined) {
          for (let rest = scope.hypotheticalFrom; rest < sentence.end; rest++) polarity[rest] = 'neutral';
          return;
        }
        index = scope.next;
        continue;
      }
      if (cues.trailing.has(token.norm)) readBackwardScope(index, sentence);
      index++;
    }
  };

  const readForwardScope = (cue: number, sentence: Sentence) => {
    const cueToken = tokens[cue];
    const runsOverCommas =
      cueToken !== undefined && (cues.verbal.has(cueToken.norm) || isContractedNegation(cueToken.norm));
    const negated: number[] = [];
    // "Calafrio também não, nem dor": a cue closed by a comma negates what came before it.
    if (tokens[cue + 1]?.norm === ',') return { negated, next: cue + 1, hypotheticalFrom: undefined };
    let index = cue + 1;
    for (; index < sentence.end; index++) {
      const token = tokens[index];
      if (token === undefined || cues.contrasts.has(token.norm)) break;
      if (isHypothetical(tokens, index, cues, language))
        return { negated, next: index, hypotheticalFrom: index };
      if (cues.affirming.has(token.norm) && negated.length > 0) break;
      if (token.norm === ',' && !runsOverCommas && !listClosesLater(index, sentence)) break;
      if (isContent(index)) negated.push(index);
    }
    return { negated, next: index, hypotheticalFrom: undefined };
  };

  const listClosesLater = (from: number, sentence: Sentence) => {
    for (let index = from + 1; index < sentence.end; index++) {
      const norm = tokens[index]?.norm ?? '';
      if (cues.contrasts.has(norm) || cues.affirming.has(norm)) return false;
      if (cues.listJoiners.has(norm)) return true;
    }
    return false;
  };

  const readBackwardScope = (cue: number, sentence: Sentence) => {
    for (let index = cue - 1; index >= sentence.start; index--) {
      const token = tokens[index];
      if (
        token === undefined ||
        token.norm === ',' ||
        cues.contrasts.has(token.norm) ||
        isNegationCue(token, cues)
      ) {
        return;
      }
      if (isContent(index)) negate(index, cue);
    }
  };

  sentences.forEach((sentence, position) => {
    const previous = sentences[position - 1];
    const answersQuestion = previous?.isQuestion === true && isAnswerWord(tokens[sentence.start], cues);
    if (!sentence.isQuestion) {
      readSentence(sentence, answersQuestion);
      return;
    }
    const answer =
      sentences[position + 1] === undefined ? undefined : tokens[sentences[position + 1]?.start ?? 0];
    for (let index = sentence.start; index < sentence.end; index++) {
      if (answer !== undefined && cues.noAnswers.has(answer.norm))
        negate(index, sentences[position + 1]?.start ?? 0);
      else if (answer === undefined || !cues.yesAnswers.has(answer.norm)) polarity[index] = 'neutral';
    }
  });

  neutralizeRelativesClauses(tokens, polarity, cues);

  return tokens.flatMap((token, index) => {
    if (!isContent(index)) return [];
    const [term, flips] = polarTerms[language].get(token.norm) ?? [token.norm, false];
    const stated = polarity[index] ?? 'neutral';
    const mentionPolarity =
      flips && stated !== 'neutral' ? (stated === 'affirmed' ? 'negated' : 'affirmed') : stated;
    const cueIndex = mentionPolarity === 'negated' ? (cueOf[index] ?? index) : undefined;
    return [{ term, polarity: mentionPolarity, tokenIndex: index, cueIndex }];
  });
}

/** "não tenho diabetes, mas minha mãe tem": the clause about the mother affirms nothing about the patient. */
function neutralizeRelativesClauses(
  tokens: readonly ClinicalToken[],
  polarity: Polarity[],
  cues: NegationCues,
) {
  const isClauseBreak = (token: ClinicalToken) =>
    isSentenceBreak(token) || token.norm === ',' || cues.contrasts.has(token.norm);
  let clauseStart = 0;
  tokens.forEach((token, index) => {
    if (isClauseBreak(token)) clauseStart = index + 1;
    if (!cues.relatives.has(token.norm)) return;
    for (let position = clauseStart; position < tokens.length; position++) {
      const other = tokens[position];
      if (other === undefined || (position > index && isClauseBreak(other))) break;
      polarity[position] = 'neutral';
    }
  });
}

function isAnswerWord(token: ClinicalToken | undefined, cues: NegationCues): boolean {
  return token !== undefined && (cues.noAnswers.has(token.norm) || cues.yesAnswers.has(token.norm));
}
