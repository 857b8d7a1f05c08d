import { type CheckLanguage } from './check-language';
import { type ClinicalToken } from './tokenize-clinical-text';

export type Side = 'left' | 'right' | 'both';

export interface SideMention {
  readonly side: Side;
  readonly text: string;
  readonly tokenIndex: number;
}

const sideWords = new Map<string, Side>([
  ...['esquerdo', 'esquerda', 'esquerdos', 'esquerdas', 'esq', 'left', 'izquierdo', 'izquierda', 'izquierdos']
    .concat(['izquierdas', 'izq'])
    .map((word) => [word, 'left'] as const),
  ...['direito', 'direita', 'direitos', 'direitas', 'right', 'derecho', 'derecha', 'derechos', 'derechas']
    .concat(['dcho', 'dcha'])
    .map((word) => [word, 'right'] as const),
  ...['bilateral', 'bilaterais', 'bilateralmente', 'bilaterally', 'bilaterales', 'bilat'].map(
    (word) => [word, 'both'] as const,
  ),
]);

/** "ambos", "both", "os dois" mean both sides only before a paired body part: "both parents" is not a side. */
const pairWords = new Set(['ambos', 'ambas', 'both', 'dois', 'duas', 'two', 'dos']);
const pairedParts = new Set(
  (
    'lados sides olhos eyes ojos ouvidos orelhas ears oidos joelhos knees rodillas pernas legs piernas bracos arms ' +
    'brazos maos hands manos pes feet pies pulmoes lungs pulmones rins kidneys rinones mamas seios breasts quadris ' +
    'hips caderas ombros shoulders hombros tornozelos ankles tobillos punhos wrists munecas membros extremities ' +
    'extremidades limbs cotovelos elbows codos pupilas pupils hemitorax coxas thighs muslos panturrilhas calves'
  ).split(' '),
);

/** Abbreviations of a limb, eye or region with its side: "MIE" (membro inferior esquerdo), "RLQ", "OD". */
const abbreviations: Record<CheckLanguage, ReadonlyMap<string, Side>> = {
  pt: sidesOf({
    right: 'MID MSD HTD FID QID QSD HCD OD',
    left: 'MIE MSE HTE FIE QIE QSE HCE OE',
    both: 'MMII MMSS',
  }),
  es: sidesOf({ right: 'MID MSD HTD FID CID CSD OD', left: 'MII MSI HTI FII CII CSI OI', both: 'MMII MMSS' }),
  en: sidesOf({ right: 'RLQ RUQ RLE RUE', left: 'LLQ LUQ LLE LUE OS', both: 'OU' }),
};

function sidesOf(lists: Record<Side, string>): ReadonlyMap<string, Side> {
  return new Map(
    Object.entries(lists).flatMap(([side, list]) =>
      list.split(' ').map((word) => [word, side as Side] as const),
    ),
  );
}

/** Single capitals that name a side after a body part ("joelho E", "rodilla I", "L knee"). */
const sideLetters: Record<CheckLanguage, ReadonlyMap<string, Side>> = {
  pt: new Map([
    ['D', 'right'],
    ['E', 'left'],
  ]),
  es: new Map([
    ['D', 'right'],
    ['I', 'left'],
  ]),
  en: new Map([
    ['R', 'right'],
    ['L', 'left'],
  ]),
};

/** Words before a capital letter that make it a name, not a side: "vitamina D", "hepatite E", "tipo I". */
const letterNamers = new Set(
  'vitamina vitamin vit hepatite hepatitis tipo type grau grade grado classe class clase fase phase estagio stage estadio grupo group leito bed cama sala room ala bloco'.split(
    ' ',
  ),
);

/** "não durmo direito", "right now", "I left work": the words are not sides there. */
const verbsBeforeDireito = new Set(
  (
    'dormir dorme durmo dormi dormiu dormindo comer come como comi comendo andar anda ando andei andando enxergar ' +
    'enxerga enxergo ouvir ouve ouco escutar escuta escuto respirar respira respiro funcionar funciona funcionando ' +
    'mexer mexe mexo falar fala falo engolir engole engulo urinar urina evacuar evacua sentar senta deitar deita ' +
    'fazer faz faco fiz feito tomar toma tomo tomei tomando usar usa uso usei usando caminhar caminha caminho ' +
    'pensar dirigir ver vejo mastigar mastiga trabalhar descansar descansa descanso tem tenho'
  ).split(' '),
);
const nonSideAfterEnglish = new Set(
  'now away there here then after before back the a an home work it me him her them us early alone over behind for with school town'.split(
    ' ',
  ),
);
const nonSideBeforeRight = new Set(
  'all thats that youre exactly alright yeah ok okay is was not sounds'.split(' '),
);
const nonSideBeforeLeft = new Set(
  'i he she we they you just has have had was were is are be been nothing'.split(' '),
);

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
      abbreviations[language].get(token.text) ??
      letterSideAt(tokens, index, language);
    if (side !== undefined) mentions.push({ side, text: token.text, tokenIndex: index });
  });
  return mentions;
}

/** Side words are compared by the laterality check, not as findings. */
export function isSideWord(norm: string): boolean {
  return sideWords.has(norm);
}
