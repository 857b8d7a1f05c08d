import { describe, expect, it } from 'vitest';
import { checkEvidence, type EvidenceFlagKind } from './check-evidence';

/** Cites every given segment, in order, the way the note writer does. */
function check(itemText: string, segmentTexts: readonly string[], language: string) {
  const segments = new Map(segmentTexts.map((text, index) => [`seg-${index}`, { text }]));
  return checkEvidence({ text: itemText, evidence: [...segments.keys()] }, segments, language);
}

const kindsOf = (flags: ReturnType<typeof check>) => flags.map((flag) => flag.kind);

interface Contradiction {
  readonly name: string;
  readonly item: string;
  readonly evidence: readonly string[];
  readonly kinds: readonly EvidenceFlagKind[];
  /** Texts the message must quote: the item's value and what the evidence says instead. */
  readonly quotes: readonly string[];
}

describe('checkEvidence in Brazilian Portuguese', () => {
  it.each([
    [
      'fever with a spoken temperature',
      'Febre há 2 dias, Tmax 38,5 °C',
      ['Estou com febre há dois dias, trinta e oito e meio'],
    ],
    [
      'a temperature spoken with "graus"',
      'Temperatura axilar 38 °C',
      ['Medi em casa e deu trinta e oito graus'],
    ],
    [
      'a temperature spoken without the decimal word',
      'Tax 37,8 °C',
      ['A temperatura tava trinta e sete e oito'],
    ],
    ['a decimal point where the note has a comma', 'Tax 37,5 °C', ['a temperatura tá 37.5']],
    [
      'an antibiotic with dose, interval and duration in words',
      'Amoxicilina 500 mg VO de 8/8h por 7 dias',
      ['Vou passar amoxicilina, quinhentos miligramas, de oito em oito horas, por sete dias'],
    ],
    [
      'grams as milligrams',
      'Dipirona 1.000 mg de 6/6h se dor',
      ['Dipirona um grama de seis em seis horas se tiver dor'],
    ],
    ['micrograms as milligrams', 'Levotiroxina 75 mcg em jejum', ['levotiroxina 0,075 mg em jejum todo dia']],
    [
      '"2x ao dia" as "twice a day" in words',
      'Metformina 850 mg 2x ao dia',
      ['Tomo metformina oitocentos e cinquenta duas vezes por dia'],
    ],
    [
      'a loose "à noite" said near the drug',
      'Losartana 50 mg 2x/dia',
      ['losartana de cinquenta, tomo à noite, na verdade duas vezes por dia'],
    ],
    [
      '"12/12h" as morning and night',
      'Losartana 50 mg 12/12h',
      ['losartana de cinquenta, tomo de manhã e à noite'],
    ],
    [
      'a blood pressure said "doze por oito"',
      'PA 120x80 mmHg, FC 78 bpm',
      ['A pressão está doze por oito, a frequência setenta e oito'],
    ],
    ['a saturation in words', 'SpO2 96% em ar ambiente', ['saturação noventa e seis por cento']],
    ['a week as seven days', 'Tosse há 1 semana', ['essa tosse começou faz uns sete dias']],
    ['yesterday as one day', 'Dor abdominal há 1 dia', ['a dor começou ontem à noite']],
    ['a weight with a spoken half', 'Peso 72,5 kg', ['Peso setenta e dois quilos e meio']],
    ['a pain score', 'Dor lombar 8/10', ['a dor nas costas é oito de dez']],
    ['the side in an abbreviation', 'Edema em MIE', ['a perna esquerda está inchada']],
    [
      '"bilateral" backed by both sides',
      'Edema bilateral de membros inferiores',
      ['as duas pernas incham, a direita e a esquerda'],
    ],
    [
      'a denied list answered segment by segment',
      'Nega febre, calafrios e dor torácica',
      ['Teve febre?', 'Não.', 'Calafrio também não, nem dor no peito'],
    ],
    ['"afebril" for a denied fever', 'Afebril', ['não tive febre nenhuma']],
    [
      'a denied review of systems asked one by one',
      'Nega dor torácica, dispneia e palpitações',
      ['Dor no peito? Não. Falta de ar? Também não. Palpitação? Não, nada.'],
    ],
    [
      'an exertional symptom affirmed with "sim"',
      'Dispneia aos esforços',
      ['Falta de ar?', 'Quando subo escada, sim.'],
    ],
    ['a denied finding written after its label', 'Alergias: nega', ['Não tenho alergia a nenhum remédio']],
    [
      'a return precaution about a denied symptom',
      'Retornar se febre persistente ou dispneia',
      ['Não tenho febre nem falta de ar'],
    ],
    [
      "a relative's disease the patient denies having",
      'Mãe com diabetes',
      ['eu não tenho diabetes, mas minha mãe tem'],
    ],
    ['"dormir direito", which is no side', 'Insônia, não consegue dormir direito', ['não durmo bem à noite']],
    [
      'a chest pain history',
      'Dor precordial em aperto há 2 horas, irradiando para MSE',
      ['Tô com uma dor no peito, tipo um aperto, começou faz umas duas horas', 'desce pro braço esquerdo'],
    ],
    [
      'diarrhoea without blood',
      'Diarreia há 3 dias, 5 episódios por dia, sem sangue',
      ['faz três dias que tô com diarreia, umas cinco vezes por dia, não tem sangue não'],
    ],
    [
      'two drugs with their own doses',
      'Amoxicilina 500 mg 8/8h e dipirona 1 g 6/6h',
      ['amoxicilina quinhentos de oito em oito e dipirona um grama de seis em seis horas'],
    ],
    [
      'insulin units morning and night',
      'Insulina NPH 20 UI pela manhã e 10 UI à noite',
      ['insulina NPH vinte unidades de manhã e dez à noite'],
    ],
  ])('should not flag %s', (_name, item, evidence) => {
    expect(check(item, evidence, 'pt-BR')).toEqual([]);
  });

  const contradictions: Contradiction[] = [
    {
      name: 'a wrong dose',
      item: 'Amoxicilina 500 mg de 8/8h',
      evidence: ['Vou passar amoxicilina duzentos e cinquenta miligramas de oito em oito horas'],
      kinds: ['dose'],
      quotes: ['"500 mg"', '"duzentos e cinquenta miligramas"'],
    },
    {
      name: 'a wrong dose in digits',
      item: 'Amoxicilina 500 mg',
      evidence: ['amoxicilina 250 mg'],
      kinds: ['dose'],
      quotes: ['Dose "500 mg" não aparece na evidência (a evidência diz "250 mg").'],
    },
    {
      name: 'a wrong frequency',
      item: 'Amoxicilina 500 mg de 8/8h',
      evidence: ['amoxicilina quinhentos miligramas de doze em doze horas'],
      kinds: ['dose'],
      quotes: ['"de 8/8h"', '"de doze em doze horas"'],
    },
    {
      name: 'a frequency the evidence lacks',
      item: 'Ibuprofeno 400 mg 3x ao dia',
      evidence: ['pode tomar ibuprofeno quatrocentos'],
      kinds: ['dose'],
      quotes: ['Posologia "3x ao dia" não aparece na evidência.'],
    },
    {
      name: 'two drugs whose doses were swapped',
      item: 'Amoxicilina 1 g',
      evidence: ['amoxicilina 500 mg e dipirona 1 g'],
      kinds: ['dose'],
      quotes: ['"1 g"', '"500 mg"'],
    },
    {
      name: 'the wrong side',
      item: 'Dor em joelho esquerdo',
      evidence: ['Doutor, meu joelho direito está doendo muito'],
      kinds: ['laterality'],
      quotes: ['Lateralidade "esquerdo" não aparece na evidência (a evidência diz "direito").'],
    },
    {
      name: 'the wrong side in an abbreviation',
      item: 'Dor abdominal em FIE',
      evidence: ['a dor é aqui embaixo do lado direito'],
      kinds: ['laterality'],
      quotes: ['"FIE"', '"direito"'],
    },
    {
      name: 'a side the evidence does not give',
      item: 'Otalgia à direita',
      evidence: ['tô com dor de ouvido faz dois dias'],
      kinds: ['laterality'],
      quotes: ['Lateralidade "direita" não aparece na evidência.'],
    },
    {
      name: 'a dropped negation',
      item: 'Dor torácica',
      evidence: ['Paciente nega dor torácica'],
      kinds: ['negation'],
      quotes: ['O item afirma "Dor torácica", mas a evidência diz "nega dor torácica".'],
    },
    {
      name: 'a denial of an affirmed finding',
      item: 'Nega febre',
      evidence: ['Tive febre ontem à noite'],
      kinds: ['negation'],
      quotes: ['"febre"', '"Tive febre"'],
    },
    {
      name: 'an allergy the patient denied when asked',
      item: 'Alergia a dipirona',
      evidence: ['Tem alergia a algum remédio?', 'Não'],
      kinds: ['negation'],
      quotes: ['"Alergia a dipirona"'],
    },
    {
      name: 'a denied allergy the patient affirmed',
      item: 'Sem alergias conhecidas',
      evidence: ['tenho alergia a dipirona'],
      kinds: ['negation'],
      quotes: ['O item nega "alergias conhecidas"', '"tenho alergia"'],
    },
    {
      name: 'a number absent from the evidence',
      item: 'Paciente de 67 anos com dor lombar',
      evidence: ['essa dor nas costas não passa'],
      kinds: ['number'],
      quotes: ['Valor "67 anos" não aparece na evidência.'],
    },
    {
      name: 'a wrong duration',
      item: 'Azitromicina 500 mg 1x/dia por 5 dias',
      evidence: ['azitromicina quinhentos uma vez ao dia por três dias'],
      kinds: ['number'],
      quotes: ['"5 dias"', '"três dias"'],
    },
    {
      name: 'a wrong temperature',
      item: 'Tax 39 °C',
      evidence: ['a febre chegou a trinta e oito'],
      kinds: ['number'],
      quotes: ['"39 °C"'],
    },
    {
      name: 'a wrong blood pressure',
      item: 'PA 150x90 mmHg',
      evidence: ['a pressão tá doze por oito'],
      kinds: ['number'],
      quotes: ['"150x90 mmHg"', '"doze por oito"'],
    },
    {
      name: 'a frequency that belongs to the other drug',
      item: 'Losartana 50 mg 1x/dia e hidroclorotiazida 25 mg 1x/dia',
      evidence: [
        'tomo losartana de cinquenta duas vezes por dia e a hidroclorotiazida vinte e cinco de manhã',
      ],
      kinds: ['dose'],
      quotes: ['Posologia "1x/dia" não aparece na evidência (a evidência diz "duas vezes por dia").'],
    },
    {
      name: 'a wrong dose, frequency and side at once',
      item: 'Colírio de timolol 2 gotas 12/12h em olho direito',
      evidence: ['pinga uma gota do timolol no olho esquerdo uma vez por dia'],
      kinds: ['dose', 'dose', 'laterality'],
      quotes: ['"2 gotas"', '"12/12h"', '"direito"'],
    },
  ];

  it.each(contradictions.map((contradiction) => [contradiction.name, contradiction] as const))(
    'should flag %s',
    (_name, { item, evidence, kinds, quotes }) => {
      const flags = check(item, evidence, 'pt-BR');
      expect(kindsOf(flags)).toEqual(kinds);
      const messages = flags.map((flag) => flag.message).join(' ');
      for (const quote of quotes) expect(messages).toContain(quote);
    },
  );
});

describe('checkEvidence in English', () => {
  it.each([
    [
      'fever with a spoken temperature',
      'Fever for 2 days, Tmax 38.5 °C',
      ['I have had a fever for two days, thirty eight point five'],
    ],
    ['a temperature in Fahrenheit', 'Temp 101.2 °F', ['my temperature was a hundred and one point two']],
    [
      'a dose in words and "daily"',
      'Lisinopril 10 mg daily',
      ['I take lisinopril ten milligrams once a day'],
    ],
    ['BID as twice a day', 'Metformin 1000 mg BID', ['metformin one thousand milligrams twice a day']],
    ['"b.i.d." with dots', 'Metformin 500 mg b.i.d.', ['metformin five hundred milligrams twice daily']],
    [
      '"q8h" as every eight hours',
      'Ibuprofen 400 mg q8h PRN',
      ['take ibuprofen four hundred every eight hours if you need it'],
    ],
    [
      'TID as every eight hours',
      'Amoxicillin 500 mg TID for 10 days',
      ['amoxicillin 500 milligrams every 8 hours for ten days'],
    ],
    [
      'a blood pressure spoken without "hundred"',
      'BP 130/85 mmHg, HR 92 bpm',
      ['blood pressure was one thirty over eighty five, heart rate ninety two'],
    ],
    ['weeks in words', 'Symptoms for 3 weeks', ['this started about three weeks ago']],
    ['kilos as kg', 'Lost 5 kg in 2 months', ['I lost about five kilos in the last two months']],
    ['a pain score', 'Pain 7/10', ['I would say seven out of ten']],
    ['a thousand separator', 'Vitamin D 1,000 IU daily', ['vitamin D one thousand units every day']],
    [
      'the same side in other words',
      'Right-sided chest pain radiating to the right arm',
      ['the pain is on my right side and goes down my right arm'],
    ],
    ['an abbreviated side', 'Tenderness in RLQ', ['it hurts down here on the right side']],
    [
      '"left" as a verb in the evidence',
      'Left ankle swelling',
      ['I left work early because my left ankle swelled up'],
    ],
    [
      '"right" as an interjection',
      'Sore throat for 2 days',
      ['Right, so my throat has been sore for two days'],
    ],
    [
      'a denied list answered in two segments',
      'Denies fever, chills, or chest pain',
      ['Any fever?', 'No.', 'No chills, no chest pain either'],
    ],
    ['a denial in a contraction', 'No fever', ["I don't think I've had any fever"]],
    ['a return precaution', 'Return if fever or chest pain', ['no fever, no chest pain']],
    ['a denial answered in a full sentence', 'Denies fever', ['Fever?', 'I have not had a fever']],
    ['a hedged answer', 'Denies fevers', ['Any fevers?', 'Not really, no.']],
    ['"afebrile"', 'Afebrile', ['no fever at all']],
    [
      "a denial by a relative's history",
      'Father with hypertension',
      ["I don't have high blood pressure, but my father has hypertension"],
    ],
    [
      'a smoking history',
      'Smoker, 1 pack per day for 20 years',
      ['I smoke a pack a day, for twenty years now'],
    ],
  ])('should not flag %s', (_name, item, evidence) => {
    expect(check(item, evidence, 'en')).toEqual([]);
  });

  const contradictions: Contradiction[] = [
    {
      name: 'a wrong dose',
      item: 'Amoxicillin 500 mg twice a day',
      evidence: ['amoxicillin two hundred fifty milligrams twice a day'],
      kinds: ['dose'],
      quotes: [
        'Dose "500 mg" does not appear in the evidence (the evidence says "two hundred fifty milligrams").',
      ],
    },
    {
      name: 'a wrong frequency',
      item: 'Ibuprofen 400 mg every 8 hours',
      evidence: ['ibuprofen four hundred milligrams every six hours'],
      kinds: ['dose'],
      quotes: [
        'Frequency "every 8 hours" does not appear in the evidence (the evidence says "every six hours").',
      ],
    },
    {
      name: 'TID where the evidence says twice',
      item: 'Metformin 1000 mg TID',
      evidence: ['metformin one thousand milligrams twice a day'],
      kinds: ['dose'],
      quotes: ['"TID"', '"twice a day"'],
    },
    {
      name: 'grams where the evidence has milligrams',
      item: 'Metformin 1 g BID',
      evidence: ['metformin 500 mg twice a day'],
      kinds: ['dose'],
      quotes: ['"1 g"', '"500 mg"'],
    },
    {
      name: 'the wrong side',
      item: 'Left knee pain',
      evidence: ['my right knee hurts when I climb stairs'],
      kinds: ['laterality'],
      quotes: ['Side "Left" does not appear in the evidence (the evidence says "right").'],
    },
    {
      name: 'one side where the evidence says both',
      item: 'Swelling of the right ankle',
      evidence: ['both ankles are swollen'],
      kinds: ['laterality'],
      quotes: ['"right"', '"both"'],
    },
    {
      name: 'a dropped denial',
      item: 'Reports chest pain',
      evidence: ['Denies chest pain'],
      kinds: ['negation'],
      quotes: ['The item affirms "chest pain", but the evidence says "Denies chest pain".'],
    },
    {
      name: 'a denial of a reported finding',
      item: 'Chest pain: denied',
      evidence: ['I have chest pain right now'],
      kinds: ['negation'],
      quotes: ['The item denies "Chest pain", but the evidence says "I have chest pain".'],
    },
    {
      name: 'a fever the patient denied when asked',
      item: 'Fever since yesterday',
      evidence: ['Have you had any fever?', 'No, not at all.'],
      kinds: ['negation'],
      quotes: ['"Fever"'],
    },
    {
      name: 'an allergy the patient denied',
      item: 'Allergic to penicillin',
      evidence: ['No allergies that I know of'],
      kinds: ['negation'],
      quotes: ['"Allergic to penicillin"', '"No allergies"'],
    },
    {
      name: 'a number absent from the evidence',
      item: 'SpO2 92% on room air',
      evidence: ['your oxygen looks fine'],
      kinds: ['number'],
      quotes: ['Value "92%" does not appear in the evidence.'],
    },
    {
      name: 'a wrong blood pressure',
      item: 'BP 150/95 mmHg',
      evidence: ['blood pressure is one twenty over eighty'],
      kinds: ['number'],
      quotes: ['"150/95 mmHg"', '"one twenty over eighty"'],
    },
  ];

  it.each(contradictions.map((contradiction) => [contradiction.name, contradiction] as const))(
    'should flag %s',
    (_name, { item, evidence, kinds, quotes }) => {
      const flags = check(item, evidence, 'en');
      expect(kindsOf(flags)).toEqual(kinds);
      const messages = flags.map((flag) => flag.message).join(' ');
      for (const quote of quotes) expect(messages).toContain(quote);
    },
  );
});

describe('checkEvidence in Spanish', () => {
  it('should read Spanish numbers, doses and denials', () => {
    expect(
      check('Fiebre de 3 días, 38,5 °C', ['Tengo fiebre desde hace tres días, treinta y ocho y medio'], 'es'),
    ).toEqual([]);
    expect(
      check('Ibuprofeno 400 mg cada 8 horas', ['ibuprofeno cuatrocientos miligramos cada ocho horas'], 'es'),
    ).toEqual([]);
    expect(check('Sin fiebre', ['¿Ha tenido fiebre?', 'No, solo tos'], 'es')).toEqual([]);
  });

  it('should flag Spanish contradictions in Spanish', () => {
    expect(
      check('Ibuprofeno 600 mg cada 8 horas', ['ibuprofeno cuatrocientos miligramos cada doce horas'], 'es'),
    ).toEqual([
      {
        kind: 'dose',
        message:
          'La dosis "600 mg" no aparece en la evidencia (la evidencia dice "cuatrocientos miligramos").',
      },
      {
        kind: 'dose',
        message:
          'La frecuencia "cada 8 horas" no aparece en la evidencia (la evidencia dice "cada doce horas").',
      },
    ]);
    expect(kindsOf(check('Dolor en rodilla izquierda', ['me duele la rodilla derecha'], 'es'))).toEqual([
      'laterality',
    ]);
    expect(kindsOf(check('Dolor torácico', ['niega dolor torácico'], 'es'))).toEqual(['negation']);
  });
});

describe('checkEvidence on a whole consultation', () => {
  const transcript = new Map(
    [
      'Bom dia, o que traz a senhora aqui hoje?',
      'Doutor, faz uns quatro dias que eu tô com tosse e uma dor do lado direito do peito quando respiro fundo.',
      'Teve febre?',
      'Tive sim, ontem chegou a trinta e oito e oito.',
      'E falta de ar?',
      'Um pouco, quando subo a escada.',
      'A senhora tem alguma alergia a remédio?',
      'Não, nenhuma.',
      'Toma algum remédio?',
      'Só a losartana de cinquenta, uma vez por dia.',
      'A pressão está treze por oito, saturação noventa e quatro, frequência cardíaca noventa e oito.',
      'No pulmão direito tem uns estertores na base.',
      'Vou passar amoxicilina com clavulanato, oitocentos e setenta e cinco, de doze em doze horas por sete dias, e dipirona se tiver febre ou dor.',
      'Se piorar a falta de ar ou a febre não passar em três dias, volta aqui.',
    ].map((text, index) => [`s${index + 1}`, { text }]),
  );
  const note: Array<readonly [string, readonly string[]]> = [
    ['Tosse há 4 dias associada a dor torácica ventilatório-dependente à direita', ['s2']],
    ['Febre aferida de 38,8 °C ontem', ['s3', 's4']],
    ['Dispneia aos esforços (subir escadas)', ['s5', 's6']],
    ['Nega alergias medicamentosas', ['s7', 's8']],
    ['HAS em uso de losartana 50 mg 1x/dia', ['s9', 's10']],
    ['PA 130x80 mmHg, SpO2 94%, FC 98 bpm', ['s11']],
    ['Estertores crepitantes em base pulmonar direita', ['s12']],
    ['Pneumonia adquirida na comunidade', ['s2', 's4', 's12']],
    ['Amoxicilina + clavulanato 875 mg de 12/12h por 7 dias', ['s13']],
    ['Dipirona 1 g de 6/6h se febre ou dor', ['s13']],
    ['Retornar se piora da dispneia ou febre persistente após 3 dias', ['s14']],
  ];

  it('should flag only what the note writer invented', () => {
    const flagged = note.flatMap(([text, evidence]) =>
      checkEvidence({ text, evidence }, transcript, 'pt-BR').map((flag) => [text, flag.message]),
    );
    // The dipyrone dose and interval were never said; the clinician said only "if fever or pain".
    expect(flagged).toEqual([
      ['Dipirona 1 g de 6/6h se febre ou dor', 'Dose "1 g" não aparece na evidência.'],
      ['Dipirona 1 g de 6/6h se febre ou dor', 'Posologia "de 6/6h" não aparece na evidência.'],
    ]);
  });
});

describe('checkEvidence on a whole English consultation', () => {
  const transcript = new Map(
    [
      'What brings you in today?',
      "I've had this headache for about three days, mostly on the left side, and it gets worse with light.",
      'Any fever or neck stiffness?',
      'No fever. My neck feels fine.',
      'Any nausea?',
      'A little nausea yesterday, but I have not vomited.',
      'Are you taking anything for it?',
      'Ibuprofen, four hundred milligrams, maybe three times a day.',
      'Your blood pressure is one eighteen over seventy six and your temperature is thirty six point eight.',
      "I'll give you sumatriptan fifty milligrams, you can repeat once after two hours if needed, no more than two doses a day.",
    ].map((text, index) => [`s${index + 1}`, { text }]),
  );
  const flagsOf = (text: string, evidence: readonly string[]) =>
    checkEvidence({ text, evidence }, transcript, 'en').map((flag) => flag.message);

  it('should raise nothing on a faithful note', () => {
    expect(flagsOf('Left-sided headache for 3 days with photophobia', ['s2'])).toEqual([]);
    expect(flagsOf('Denies fever and neck stiffness', ['s3', 's4'])).toEqual([]);
    expect(flagsOf('Mild nausea without vomiting', ['s5', 's6'])).toEqual([]);
    expect(flagsOf('Ibuprofen 400 mg TID with partial relief', ['s7', 's8'])).toEqual([]);
    expect(flagsOf('BP 118/76 mmHg, T 36.8 °C', ['s9'])).toEqual([]);
    expect(flagsOf('Sumatriptan 50 mg PO, may repeat once after 2 hours, max 2 doses/day', ['s10'])).toEqual(
      [],
    );
  });

  it('should flag planted errors with what the evidence says', () => {
    expect(flagsOf('Right-sided headache', ['s2'])).toEqual([
      'Side "Right" does not appear in the evidence (the evidence says "left").',
    ]);
    expect(flagsOf('Reports vomiting', ['s6'])).toEqual([
      'The item affirms "vomiting", but the evidence says "not vomited".',
    ]);
    expect(flagsOf('Fever of 38 °C', ['s3', 's4'])).toEqual([
      'Value "38 °C" does not appear in the evidence.',
      'The item affirms "Fever", but the evidence says "No fever".',
    ]);
  });
});

describe('checkEvidence citations', () => {
  const segments = new Map([
    ['seg-1', { text: 'Vim renovar a receita' }],
    ['seg-2', { text: 'Tomo losartana cinquenta' }],
  ]);

  it('should flag an item that cites nothing, administrative ones included', () => {
    expect(checkEvidence({ text: 'Renovação de receita', evidence: [] }, segments, 'pt-BR')).toEqual([
      { kind: 'no_evidence', message: 'O item não cita nenhum trecho da transcrição como evidência.' },
    ]);
    expect(checkEvidence({ text: 'Prescription renewal', evidence: [] }, segments, 'en')).toEqual([
      { kind: 'no_evidence', message: 'The item cites no transcript segment as evidence.' },
    ]);
  });

  it('should say how many cited segments do not exist, and still check the rest', () => {
    const flags = checkEvidence(
      { text: 'Losartana 100 mg', evidence: ['seg-2', 'seg-404', 'seg-405', 'seg-404'] },
      segments,
      'pt-BR',
    );
    expect(flags).toEqual([
      {
        kind: 'unknown_evidence',
        message: 'O item cita 2 trechos de evidência que não existem na transcrição.',
      },
      { kind: 'dose', message: 'Dose "100 mg" não aparece na evidência (a evidência diz "cinquenta").' },
    ]);
  });

  it('should raise only the unknown evidence when no cited segment exists', () => {
    expect(checkEvidence({ text: 'Losartana 100 mg', evidence: ['seg-404'] }, segments, 'en')).toEqual([
      {
        kind: 'unknown_evidence',
        message: 'The item cites 1 evidence segment that is not in the transcript.',
      },
    ]);
  });

  it('should read an unknown language as Portuguese, the default', () => {
    expect(checkEvidence({ text: 'Renovação de receita', evidence: [] }, segments, 'fr')[0]?.message).toBe(
      'O item não cita nenhum trecho da transcrição como evidência.',
    );
  });

  it('should never flag an item that repeats its evidence word for word', () => {
    const sentences = [
      'Amoxicilina 500 mg de 8/8h por 7 dias, nega alergias, dor em joelho esquerdo há 2 semanas.',
      'PA 120x80 mmHg, FC 78 bpm, Tax 37,8 °C, SpO2 97%, sem febre, tosse produtiva.',
      'Metformin 1000 mg BID, denies chest pain, left knee pain for 3 days, BP 130/85 mmHg.',
      'Teve febre? Não. Retornar se dispneia. Mãe com diabetes, insulina 20 UI à noite.',
    ];
    for (const sentence of sentences) {
      expect(check(sentence, [sentence], 'pt-BR')).toEqual([]);
      expect(check(sentence, [sentence], 'en')).toEqual([]);
    }
  });
});
