export type EvalLanguage = 'pt-BR' | 'en';

export interface ScriptedConsultation {
  id: string;
  language: EvalLanguage;
  title: string;
  turns: { speaker: 'clinician' | 'patient'; text: string }[];
}

/**
 * Short primary-care consultations, written as they are spoken. Each one holds what the note
 * checker cares about: a complaint and its duration, vital signs with numbers, a medication with
 * its dose, a side (laterality) and a negation. Invented people; no real patient data.
 */
export const scriptedConsultations: readonly ScriptedConsultation[] = [
  {
    id: 'pt-garganta',
    language: 'pt-BR',
    title: 'Dor de garganta e febre',
    turns: [
      { speaker: 'clinician', text: 'Bom dia. O que trouxe a senhora aqui hoje?' },
      {
        speaker: 'patient',
        text: 'Estou com dor de garganta há três dias, mais forte do lado direito, e tive febre ontem à noite.',
      },
      { speaker: 'clinician', text: 'A senhora tem tosse ou falta de ar?' },
      { speaker: 'patient', text: 'Não tenho tosse e não sinto falta de ar.' },
      {
        speaker: 'clinician',
        text: 'A temperatura agora é de 38,5 graus e a pressão está 12 por 8. Vou receitar amoxicilina 500 miligramas de oito em oito horas por sete dias.',
      },
    ],
  },
  {
    id: 'pt-pressao',
    language: 'pt-BR',
    title: 'Retorno de hipertensão',
    turns: [
      { speaker: 'clinician', text: 'Como o senhor tem passado desde a última consulta?' },
      {
        speaker: 'patient',
        text: 'Bem, doutora. Tomo a losartana de 50 miligramas todo dia de manhã. Há duas semanas sinto dor no joelho esquerdo quando subo escada.',
      },
      { speaker: 'clinician', text: 'O joelho inchou ou ficou vermelho?' },
      { speaker: 'patient', text: 'Não, não inchou.' },
      {
        speaker: 'clinician',
        text: 'A pressão hoje está 15 por 9 e o pulso 82 batimentos por minuto. Vamos aumentar a losartana para 100 miligramas por dia.',
      },
    ],
  },
  {
    id: 'pt-lombar',
    language: 'pt-BR',
    title: 'Dor lombar',
    turns: [
      { speaker: 'clinician', text: 'Onde é a dor que o senhor está sentindo?' },
      {
        speaker: 'patient',
        text: 'Nas costas, do lado esquerdo, desce até a perna. Começou há cinco dias depois que carreguei peso.',
      },
      { speaker: 'clinician', text: 'O senhor sente formigamento ou perda de força na perna?' },
      { speaker: 'patient', text: 'Formigamento não. Força também está normal.' },
      {
        speaker: 'clinician',
        text: 'A pressão está 13 por 8 e a temperatura 36,7 graus. Pode tomar ibuprofeno 400 miligramas de oito em oito horas por cinco dias.',
      },
    ],
  },
  {
    id: 'pt-diabetes',
    language: 'pt-BR',
    title: 'Acompanhamento de diabetes',
    turns: [
      { speaker: 'clinician', text: 'Como está a glicemia em casa?' },
      {
        speaker: 'patient',
        text: 'Em jejum tem dado perto de 180. Faz um mês que sinto a vista embaçada no olho direito.',
      },
      { speaker: 'clinician', text: 'A senhora teve dor no peito ou falta de ar?' },
      { speaker: 'patient', text: 'Dor no peito nunca tive.' },
      {
        speaker: 'clinician',
        text: 'O peso hoje é 78 quilos e a pressão 14 por 9. Vamos manter a metformina 850 miligramas duas vezes ao dia e pedir uma avaliação do oftalmologista.',
      },
    ],
  },
  {
    id: 'en-ear',
    language: 'en',
    title: 'Ear pain',
    turns: [
      { speaker: 'clinician', text: 'Good morning. What brings you in today?' },
      {
        speaker: 'patient',
        text: 'I have had pain in my left ear for four days, and last night I had a fever.',
      },
      { speaker: 'clinician', text: 'Any discharge from the ear or loss of hearing?' },
      { speaker: 'patient', text: 'No discharge, and my hearing seems fine.' },
      {
        speaker: 'clinician',
        text: 'Your temperature is 38.2 degrees and your blood pressure is 118 over 76. I will prescribe amoxicillin 500 milligrams three times a day for ten days.',
      },
    ],
  },
  {
    id: 'en-ankle',
    language: 'en',
    title: 'Ankle sprain',
    turns: [
      { speaker: 'clinician', text: 'How did you hurt your ankle?' },
      {
        speaker: 'patient',
        text: 'I twisted my right ankle playing football two days ago. It is swollen on the outside.',
      },
      { speaker: 'clinician', text: 'Do you have any numbness in your foot?' },
      { speaker: 'patient', text: 'No numbness at all, but it hurts when I walk.' },
      {
        speaker: 'clinician',
        text: 'Your heart rate is 72 and your blood pressure is 124 over 80. Take ibuprofen 400 milligrams every eight hours with food, and keep the leg raised.',
      },
    ],
  },
  {
    id: 'en-asthma',
    language: 'en',
    title: 'Asthma follow-up',
    turns: [
      { speaker: 'clinician', text: 'How has your breathing been this month?' },
      {
        speaker: 'patient',
        text: 'I have been wheezing at night for about two weeks, mostly when it is cold.',
      },
      { speaker: 'clinician', text: 'Have you had any chest pain or fever?' },
      { speaker: 'patient', text: 'I have not had chest pain, and no fever.' },
      {
        speaker: 'clinician',
        text: 'Your oxygen saturation is 96 percent and your respiratory rate is 18. I hear some wheezing on the left side. Use albuterol two puffs every four hours as needed.',
      },
    ],
  },
  {
    id: 'en-headache',
    language: 'en',
    title: 'Headache',
    turns: [
      { speaker: 'clinician', text: 'Tell me about the headaches.' },
      {
        speaker: 'patient',
        text: 'They started three weeks ago, on the right side of my head, usually in the afternoon.',
      },
      { speaker: 'clinician', text: 'Any changes in your vision or weakness in your arms?' },
      { speaker: 'patient', text: 'No, my vision is normal and I have no weakness.' },
      {
        speaker: 'clinician',
        text: 'Your blood pressure is 142 over 92 and your pulse is 88. Start with paracetamol 1000 milligrams up to three times a day, and we will check your pressure again in two weeks.',
      },
    ],
  },
];
