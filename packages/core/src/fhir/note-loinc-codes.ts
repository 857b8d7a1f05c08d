import type { CodeableConcept, Coding } from './fhir-types';

const loinc = (code: string, display: string): Coding => ({ system: 'http://loinc.org', code, display });

/**
 * LOINC codes for the built-in templates' section keys (packages/ai/src/notes/built-in-templates.ts),
 * chosen as C-CDA uses them. Sections whose content spans several LOINC concepts (past history
 * mixes illnesses, medications, allergies and social history; a pediatric or psychiatric
 * "history"; interval history; growth; risk assessment) and every custom template's sections stay
 * uncoded: a wrong code misleads a receiving system more than a plain title does.
 */
export const sectionCodes: Record<string, Coding> = {
  subjective: loinc('61150-9', 'Subjective Narrative'),
  objective: loinc('61149-1', 'Objective Narrative'),
  findings: loinc('61149-1', 'Objective Narrative'),
  assessment: loinc('51848-0', 'Assessment note'),
  plan: loinc('18776-5', 'Plan of care note'),
  assessment_and_plan: loinc('51847-2', 'Evaluation + Plan note'),
  chief_complaint: loinc('10154-3', 'Chief complaint Narrative - Reported'),
  history_of_present_illness: loinc('10164-2', 'History of Present illness Narrative'),
  review_of_systems: loinc('10187-3', 'Review of systems Narrative - Reported'),
  physical_exam: loinc('29545-1', 'Physical findings Narrative'),
  immunizations: loinc('11369-6', 'History of Immunization Narrative'),
  mental_status_exam: loinc('10190-7', 'Mental status Narrative'),
};

export function sectionCode(sectionKey: string): CodeableConcept | undefined {
  const coding = sectionCodes[sectionKey];
  return coding ? { coding: [coding], text: coding.display } : undefined;
}

const progressNote = loinc('11506-3', 'Progress note');
const historyAndPhysical = loinc('34117-2', 'History and physical note');
export const noteTypes: Record<string, Coding> = {
  soap: progressNote,
  progress: progressNote,
  psychiatry: progressNote,
  hp: historyAndPhysical,
  pediatric: historyAndPhysical,
};

/** The document type of a note by template; a clinic's own template is just a "Note". */
export function noteTypeCode(template: string): CodeableConcept {
  const coding = noteTypes[template] ?? loinc('34109-9', 'Note');
  return { coding: [coding], text: coding.display };
}
