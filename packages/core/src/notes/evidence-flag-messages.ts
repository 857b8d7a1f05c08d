import { type CheckLanguage } from './check-language';

/** What a disagreeing value is, for the start of its message. */
export type ValueLabel = 'value' | 'dose' | 'frequency' | 'side';

export interface EvidenceFlagMessages {
  noEvidence(): string;
  unknownEvidence(count: number): string;
  /** `evidenceSays` lists what the evidence has instead; empty when it has nothing comparable. */
  valueNotInEvidence(label: ValueLabel, value: string, evidenceSays: readonly string[]): string;
  itemDeniesAffirmedFinding(finding: string, evidenceSays: string): string;
  itemAffirmsDeniedFinding(finding: string, evidenceSays: string): string;
}

/** Long evidence would drown the message; the clinician opens the segment for the rest. */
const maxQuotedLength = 80;

function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return `"${flat.length > maxQuotedLength ? `${flat.slice(0, maxQuotedLength - 1)}…` : flat}"`;
}

const quoteAll = (texts: readonly string[]) => texts.map(quote).join(', ');

const portuguese: EvidenceFlagMessages = {
  noEvidence: () => 'O item não cita nenhum trecho da transcrição como evidência.',
  unknownEvidence: (count) =>
    count === 1
      ? 'O item cita 1 trecho de evidência que não existe na transcrição.'
      : `O item cita ${count} trechos de evidência que não existem na transcrição.`,
  valueNotInEvidence: (label, value, evidenceSays) => {
    const name = { value: 'Valor', dose: 'Dose', frequency: 'Posologia', side: 'Lateralidade' }[label];
    const instead = evidenceSays.length > 0 ? ` (a evidência diz ${quoteAll(evidenceSays)})` : '';
    return `${name} ${quote(value)} não aparece na evidência${instead}.`;
  },
  itemDeniesAffirmedFinding: (finding, evidenceSays) =>
    `O item nega ${quote(finding)}, mas a evidência diz ${quote(evidenceSays)}.`,
  itemAffirmsDeniedFinding: (finding, evidenceSays) =>
    `O item afirma ${quote(finding)}, mas a evidência diz ${quote(evidenceSays)}.`,
};

const english: EvidenceFlagMessages = {
  noEvidence: () => 'The item cites no transcript segment as evidence.',
  unknownEvidence: (count) =>
    count === 1
      ? 'The item cites 1 evidence segment that is not in the transcript.'
      : `The item cites ${count} evidence segments that are not in the transcript.`,
  valueNotInEvidence: (label, value, evidenceSays) => {
    const name = { value: 'Value', dose: 'Dose', frequency: 'Frequency', side: 'Side' }[label];
    const instead = evidenceSays.length > 0 ? ` (the evidence says ${quoteAll(evidenceSays)})` : '';
    return `${name} ${quote(value)} does not appear in the evidence${instead}.`;
  },
  itemDeniesAffirmedFinding: (finding, evidenceSays) =>
    `The item denies ${quote(finding)}, but the evidence says ${quote(evidenceSays)}.`,
  itemAffirmsDeniedFinding: (finding, evidenceSays) =>
    `The item affirms ${quote(finding)}, but the evidence says ${quote(evidenceSays)}.`,
};

const spanish: EvidenceFlagMessages = {
  noEvidence: () => 'El ítem no cita ningún fragmento de la transcripción como evidencia.',
  unknownEvidence: (count) =>
    count === 1
      ? 'El ítem cita 1 fragmento de evidencia que no existe en la transcripción.'
      : `El ítem cita ${count} fragmentos de evidencia que no existen en la transcripción.`,
  valueNotInEvidence: (label, value, evidenceSays) => {
    const name = { value: 'El valor', dose: 'La dosis', frequency: 'La frecuencia', side: 'El lado' }[label];
    const instead = evidenceSays.length > 0 ? ` (la evidencia dice ${quoteAll(evidenceSays)})` : '';
    return `${name} ${quote(value)} no aparece en la evidencia${instead}.`;
  },
  itemDeniesAffirmedFinding: (finding, evidenceSays) =>
    `El ítem niega ${quote(finding)}, pero la evidencia dice ${quote(evidenceSays)}.`,
  itemAffirmsDeniedFinding: (finding, evidenceSays) =>
    `El ítem afirma ${quote(finding)}, pero la evidencia dice ${quote(evidenceSays)}.`,
};

export function evidenceFlagMessages(language: CheckLanguage): EvidenceFlagMessages {
  return { pt: portuguese, en: english, es: spanish }[language];
}
