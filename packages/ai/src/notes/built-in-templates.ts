import type { NoteTemplate } from './note-template';

const soap: NoteTemplate = {
  key: 'soap',
  name: { 'pt-BR': 'SOAP', en: 'SOAP', es: 'SOAP' },
  sections: [
    {
      key: 'subjective',
      title: { 'pt-BR': 'Subjetivo', en: 'Subjective', es: 'Subjetivo' },
      instructions: {
        'pt-BR':
          'Queixa principal, história da doença atual, sintomas relatados, medicamentos em uso, alergias.',
        en: 'Chief complaint, history of present illness, reported symptoms, current medications, allergies.',
      },
    },
    {
      key: 'objective',
      title: { 'pt-BR': 'Objetivo', en: 'Objective', es: 'Objetivo' },
      instructions: {
        'pt-BR': 'Sinais vitais, achados do exame físico e resultados de exames mencionados na consulta.',
        en: 'Vital signs, physical examination findings and test results mentioned in the consultation.',
      },
    },
    {
      key: 'assessment',
      title: { 'pt-BR': 'Avaliação', en: 'Assessment', es: 'Evaluación' },
      instructions: {
        'pt-BR': 'Hipóteses diagnósticas e raciocínio clínico expressos pelo médico.',
        en: 'Diagnoses and clinical reasoning stated by the clinician.',
      },
    },
    {
      key: 'plan',
      title: { 'pt-BR': 'Plano', en: 'Plan', es: 'Plan' },
      instructions: {
        'pt-BR':
          'Prescrições com dose e posologia, exames solicitados, orientações, encaminhamentos e retorno.',
        en: 'Prescriptions with dose and frequency, tests ordered, advice, referrals and follow-up.',
      },
    },
  ],
};

const historyAndPhysical: NoteTemplate = {
  key: 'hp',
  name: { 'pt-BR': 'Anamnese e exame físico', en: 'History and physical', es: 'Historia y examen físico' },
  sections: [
    {
      key: 'chief_complaint',
      title: { 'pt-BR': 'Queixa principal', en: 'Chief complaint', es: 'Motivo de consulta' },
      instructions: {
        'pt-BR': 'O motivo da consulta, nas palavras do paciente quando possível.',
        en: "The reason for the visit, in the patient's words where possible.",
      },
    },
    {
      key: 'history_of_present_illness',
      title: {
        'pt-BR': 'História da doença atual',
        en: 'History of present illness',
        es: 'Enfermedad actual',
      },
      instructions: {
        'pt-BR': 'Início, duração, características, fatores de melhora e piora, sintomas associados.',
        en: 'Onset, duration, character, aggravating and relieving factors, associated symptoms.',
      },
    },
    {
      key: 'past_history',
      title: { 'pt-BR': 'Antecedentes', en: 'Past history', es: 'Antecedentes' },
      instructions: {
        'pt-BR': 'Doenças prévias, cirurgias, medicamentos em uso, alergias, história familiar e social.',
        en: 'Past illnesses, surgeries, current medications, allergies, family and social history.',
      },
    },
    {
      key: 'review_of_systems',
      title: { 'pt-BR': 'Revisão de sistemas', en: 'Review of systems', es: 'Revisión por sistemas' },
      instructions: {
        'pt-BR': 'Sintomas perguntados por sistema, incluindo os negados.',
        en: 'Symptoms asked about by system, including those denied.',
      },
    },
    {
      key: 'physical_exam',
      title: { 'pt-BR': 'Exame físico', en: 'Physical examination', es: 'Examen físico' },
      instructions: {
        'pt-BR': 'Sinais vitais e achados do exame por segmento.',
        en: 'Vital signs and examination findings by region.',
      },
    },
    {
      key: 'assessment_and_plan',
      title: { 'pt-BR': 'Avaliação e plano', en: 'Assessment and plan', es: 'Evaluación y plan' },
      instructions: {
        'pt-BR': 'Hipóteses diagnósticas, condutas, prescrições com dose e retorno.',
        en: 'Diagnoses, management, prescriptions with dose, and follow-up.',
      },
    },
  ],
};

const progress: NoteTemplate = {
  key: 'progress',
  name: { 'pt-BR': 'Evolução', en: 'Progress note', es: 'Nota de evolución' },
  sections: [
    {
      key: 'interval_history',
      title: { 'pt-BR': 'Evolução desde a última consulta', en: 'Interval history', es: 'Evolución' },
      instructions: {
        'pt-BR': 'O que mudou desde a última consulta: sintomas, adesão ao tratamento, efeitos adversos.',
        en: 'What changed since the last visit: symptoms, adherence to treatment, side effects.',
      },
    },
    {
      key: 'findings',
      title: { 'pt-BR': 'Achados', en: 'Findings', es: 'Hallazgos' },
      instructions: {
        'pt-BR': 'Sinais vitais, exame físico e resultados de exames discutidos.',
        en: 'Vital signs, examination and test results discussed.',
      },
    },
    {
      key: 'assessment',
      title: { 'pt-BR': 'Avaliação', en: 'Assessment', es: 'Evaluación' },
      instructions: {
        'pt-BR': 'Situação de cada problema: melhor, estável ou pior, segundo o médico.',
        en: 'Status of each problem: better, stable or worse, as the clinician said.',
      },
    },
    {
      key: 'plan',
      title: { 'pt-BR': 'Plano', en: 'Plan', es: 'Plan' },
      instructions: {
        'pt-BR': 'Ajustes de medicação com dose, exames, orientações e retorno.',
        en: 'Medication changes with dose, tests, advice and follow-up.',
      },
    },
  ],
};

const pediatric: NoteTemplate = {
  key: 'pediatric',
  name: { 'pt-BR': 'Pediatria', en: 'Pediatric visit', es: 'Consulta pediátrica' },
  sections: [
    {
      key: 'history',
      title: { 'pt-BR': 'História', en: 'History', es: 'Historia' },
      instructions: {
        'pt-BR': 'Queixa, duração e sintomas relatados pelo responsável ou pela criança; alimentação e sono.',
        en: 'Complaint, duration and symptoms reported by the caregiver or the child; feeding and sleep.',
      },
    },
    {
      key: 'growth_and_development',
      title: {
        'pt-BR': 'Crescimento e desenvolvimento',
        en: 'Growth and development',
        es: 'Crecimiento y desarrollo',
      },
      instructions: {
        'pt-BR': 'Peso, altura, perímetro cefálico e marcos do desenvolvimento mencionados.',
        en: 'Weight, height, head circumference and developmental milestones mentioned.',
      },
    },
    {
      key: 'immunizations',
      title: { 'pt-BR': 'Vacinação', en: 'Immunizations', es: 'Vacunación' },
      instructions: {
        'pt-BR': 'Situação vacinal e vacinas aplicadas ou pendentes.',
        en: 'Vaccination status and vaccines given or due.',
      },
    },
    {
      key: 'physical_exam',
      title: { 'pt-BR': 'Exame físico', en: 'Physical examination', es: 'Examen físico' },
      instructions: {
        'pt-BR': 'Sinais vitais e achados do exame.',
        en: 'Vital signs and examination findings.',
      },
    },
    {
      key: 'assessment_and_plan',
      title: { 'pt-BR': 'Avaliação e plano', en: 'Assessment and plan', es: 'Evaluación y plan' },
      instructions: {
        'pt-BR':
          'Hipóteses, prescrições com dose por peso quando dita, orientações aos responsáveis e retorno.',
        en: 'Diagnoses, prescriptions with weight-based dose when stated, advice to caregivers and follow-up.',
      },
    },
  ],
};

const psychiatry: NoteTemplate = {
  key: 'psychiatry',
  name: { 'pt-BR': 'Psiquiatria', en: 'Psychiatric evaluation', es: 'Evaluación psiquiátrica' },
  sections: [
    {
      key: 'history',
      title: { 'pt-BR': 'História', en: 'History', es: 'Historia' },
      instructions: {
        'pt-BR':
          'Queixa, sintomas de humor, ansiedade, sono e apetite, eventos recentes, uso de substâncias.',
        en: 'Complaint, mood, anxiety, sleep and appetite symptoms, recent events, substance use.',
      },
    },
    {
      key: 'mental_status_exam',
      title: { 'pt-BR': 'Exame do estado mental', en: 'Mental status examination', es: 'Examen mental' },
      instructions: {
        'pt-BR': 'Aparência, comportamento, fala, humor e afeto, pensamento, percepção, cognição, crítica.',
        en: 'Appearance, behaviour, speech, mood and affect, thought, perception, cognition, insight.',
      },
    },
    {
      key: 'risk_assessment',
      title: { 'pt-BR': 'Avaliação de risco', en: 'Risk assessment', es: 'Evaluación de riesgo' },
      instructions: {
        'pt-BR':
          'Ideação suicida ou homicida, autolesão e fatores de proteção, exatamente como relatados ou negados.',
        en: 'Suicidal or homicidal ideation, self-harm and protective factors, exactly as reported or denied.',
      },
    },
    {
      key: 'assessment',
      title: { 'pt-BR': 'Avaliação', en: 'Assessment', es: 'Evaluación' },
      instructions: {
        'pt-BR': 'Hipóteses diagnósticas expressas pelo profissional.',
        en: 'Diagnoses stated by the clinician.',
      },
    },
    {
      key: 'plan',
      title: { 'pt-BR': 'Plano', en: 'Plan', es: 'Plan' },
      instructions: {
        'pt-BR': 'Medicações com dose, psicoterapia, plano de segurança e retorno.',
        en: 'Medications with dose, psychotherapy, safety plan and follow-up.',
      },
    },
  ],
};

/** The templates every clinic has; clinics add their own through the API. */
export const builtInTemplates: readonly NoteTemplate[] = [
  soap,
  historyAndPhysical,
  progress,
  pediatric,
  psychiatry,
];

export const builtInTemplateKeys = ['soap', 'hp', 'progress', 'pediatric', 'psychiatry'] as const;

export function findBuiltInTemplate(key: string): NoteTemplate | undefined {
  return builtInTemplates.find((template) => template.key === key);
}
