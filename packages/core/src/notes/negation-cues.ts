import { type CheckLanguage } from './check-language';

export interface NegationCues {
  /** Verbs and adverbs whose scope runs over a comma list: "nega febre, calafrios, sudorese". */
  readonly verbal: ReadonlySet<string>;
  /** Prepositions and determiners: "sem febre, tosse há 3 dias" negates only the fever. */
  readonly prepositional: ReadonlySet<string>;
  /** Written after the finding: "febre ausente", "sorologia negativa". */
  readonly trailing: ReadonlySet<string>;
  /** First word of an answer that denies the question before it ("Teve febre? Não."). */
  readonly noAnswers: ReadonlySet<string>;
  readonly yesAnswers: ReadonlySet<string>;
  /** Conditions, suspicions and advice: what follows is neither affirmed nor denied ("retornar se febre"). */
  readonly hypothetical: ReadonlySet<string>;
  /** Words that end a negation's scope outright ("mas", "but"). */
  readonly contrasts: ReadonlySet<string>;
  /** Words that end a negation's scope once it has named a finding ("nega febre e tem tosse"). */
  readonly affirming: ReadonlySet<string>;
  readonly listJoiners: ReadonlySet<string>;
  /** Relatives: a clause about one ("minha mãe tem diabetes") says nothing about the patient. */
  readonly relatives: ReadonlySet<string>;
  /** Verbs after which "se" is a pronoun ("se queixa de dor"), not "if". */
  readonly reflexiveVerbs: ReadonlySet<string>;
  /** Words that carry their own polarity: "afebril" denies fever (`true`: reversed), "febril" affirms it. */
  readonly polarTerms: ReadonlyMap<string, readonly [finding: string, reversed: boolean]>;
}

const set = (list: string): ReadonlySet<string> => new Set(list.trim().split(/\s+/));

export const negationCues: Record<CheckLanguage, NegationCues> = {
  pt: {
    verbal: set('nega negou negam negando negava nao nunca nem jamais'),
    prepositional: set('sem nenhum nenhuma nenhuns nenhumas ausencia nada'),
    trailing: set('ausente ausentes negativo negativa negativos negativas'),
    noAnswers: set('nao nunca nenhum nenhuma nada negativo'),
    yesAnswers: set('sim tenho tive tem teve sinto senti uhum aham claro isso'),
    hypothetical: set(
      'se caso suspeita hipotese possivel provavel descartar investigar orientado orientada orientados ' +
        'orientadas orientacao orientacoes orientar orientamos alarme quando eventual',
    ),
    contrasts: set('mas porem contudo entretanto todavia exceto apenas so somente embora'),
    affirming: set(
      'refere relata apresenta queixa tem teve tenho tive com sente sentiu mantem evolui evoluiu associado ' +
        'associada acompanhado acompanhada',
    ),
    listJoiners: set('e ou nem'),
    relatives: set(
      'mae pai pais irmao irma irmaos irmas avo avos tio tia tios tias primo prima filho filha filhos filhas ' +
        'familia familiar familiares esposo esposa marido',
    ),
    reflexiveVerbs: set(
      'queixa queixou queixam sente sentiu mantem manteve apresenta encontra refere nega lembra recorda ' +
        'machucou cortou cansa preocupa automedicou',
    ),
    polarTerms: new Map([
      ['afebril', ['febre', true]],
      ['apiretico', ['febre', true]],
      ['febril', ['febre', false]],
    ]),
  },
  en: {
    verbal: set('denies denied deny denying not never nor cannot'),
    prepositional: set('no without none absence free'),
    trailing: set('absent negative denied'),
    noAnswers: set('no nope never none negative nah'),
    yesAnswers: set('yes yeah yep yup sure correct definitely'),
    hypothetical: set(
      'if whether unless should case suspected suspect suspicion possible possibly probable likely rule monitor ' +
        'watch precautions advised instructed counseled counselled educated warning',
    ),
    contrasts: set('but however although though except only just yet'),
    affirming: set(
      'reports reported report has had have with complains complaining endorses endorsed notes noted presents ' +
        'describes admits positive having feels felt experiencing experienced',
    ),
    listJoiners: set('and or nor'),
    relatives: set(
      'mother father mom dad parents brother sister siblings grandmother grandfather grandparents aunt uncle ' +
        'cousin son daughter children family wife husband',
    ),
    reflexiveVerbs: new Set(),
    polarTerms: new Map([
      ['afebrile', ['fever', true]],
      ['febrile', ['fever', false]],
    ]),
  },
  es: {
    verbal: set('niega nego negando no nunca ni jamas tampoco'),
    prepositional: set('sin ningun ninguna ninguno ausencia nada'),
    trailing: set('ausente ausentes negativo negativa negativos negativas'),
    noAnswers: set('no nunca nada ninguno ninguna'),
    yesAnswers: set('si tengo tuve tiene tuvo claro'),
    hypothetical: set('si caso sospecha posible probable descartar investigar cuando eventual alarma'),
    contrasts: set('pero embargo excepto salvo solo solamente aunque'),
    affirming: set('refiere presenta tiene tuvo tengo tuve con siente sintio reporta'),
    listJoiners: set('y o ni e u'),
    relatives: set(
      'madre padre padres hermano hermana hermanos abuelo abuela abuelos tio tia primo prima hijo hija hijos ' +
        'familia familiar familiares esposo esposa marido mama papa',
    ),
    reflexiveVerbs: new Set(),
    polarTerms: new Map([
      ['afebril', ['fiebre', true]],
      ['febril', ['fiebre', false]],
    ]),
  },
};

/** Every word with a role in polarity: such a word is never itself a finding. */
export function isCueWord(norm: string, cues: NegationCues): boolean {
  const lists = [cues.verbal, cues.prepositional, cues.trailing, cues.hypothetical, cues.contrasts];
  return (
    [...lists, cues.affirming, cues.relatives].some((list) => list.has(norm)) || isContractedNegation(norm)
  );
}

/** "don't", "doesn't", "isn't", "can't": English negation glued to its verb. */
export function isContractedNegation(norm: string): boolean {
  return norm.endsWith("n't");
}

/** "negativo para", "negative for": a trailing cue that reads forward. */
export const forwardAfterTrailing: ReadonlySet<string> = set('para for');
