import { type CheckLanguage } from './check-language';

export type Side = 'left' | 'right' | 'both';

export const sideWords: ReadonlyMap<string, Side> = new Map([
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
export const pairWords: ReadonlySet<string> = new Set([
  'ambos',
  'ambas',
  'both',
  'dois',
  'duas',
  'two',
  'dos',
]);
export const pairedParts: ReadonlySet<string> = new Set(
  (
    'lados sides olhos eyes ojos ouvidos orelhas ears oidos joelhos knees rodillas pernas legs piernas bracos arms ' +
    'brazos maos hands manos pes feet pies pulmoes lungs pulmones rins kidneys rinones mamas seios breasts quadris ' +
    'hips caderas ombros shoulders hombros tornozelos ankles tobillos punhos wrists munecas membros extremities ' +
    'extremidades limbs cotovelos elbows codos pupilas pupils hemitorax coxas thighs muslos panturrilhas calves'
  ).split(' '),
);

/** Abbreviations of a limb, eye or region with its side: "MIE" (membro inferior esquerdo), "RLQ", "OD". */
export const sideAbbreviations: Record<CheckLanguage, ReadonlyMap<string, Side>> = {
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
export const sideLetters: Record<CheckLanguage, ReadonlyMap<string, Side>> = {
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
export const letterNamers: ReadonlySet<string> = new Set(
  'vitamina vitamin vit hepatite hepatitis tipo type grau grade grado classe class clase fase phase estagio stage estadio grupo group leito bed cama sala room ala bloco'.split(
    ' ',
  ),
);

/** "não durmo direito", "right now", "I left work": the words are not sides there. */
export const verbsBeforeDireito: ReadonlySet<string> = new Set(
  (
    'dormir dorme durmo dormi dormiu dormindo comer come como comi comendo andar anda ando andei andando enxergar ' +
    'enxerga enxergo ouvir ouve ouco escutar escuta escuto respirar respira respiro funcionar funciona funcionando ' +
    'mexer mexe mexo falar fala falo engolir engole engulo urinar urina evacuar evacua sentar senta deitar deita ' +
    'fazer faz faco fiz feito tomar toma tomo tomei tomando usar usa uso usei usando caminhar caminha caminho ' +
    'pensar dirigir ver vejo mastigar mastiga trabalhar descansar descansa descanso tem tenho'
  ).split(' '),
);
export const nonSideAfterEnglish: ReadonlySet<string> = new Set(
  'now away there here then after before back the a an home work it me him her them us early alone over behind for with school town'.split(
    ' ',
  ),
);
export const nonSideBeforeRight: ReadonlySet<string> = new Set(
  'all thats that youre exactly alright yeah ok okay is was not sounds'.split(' '),
);
export const nonSideBeforeLeft: ReadonlySet<string> = new Set(
  'i he she we they you just has have had was were is are be been nothing'.split(' '),
);
