import type { encounters } from '../db/schema';
import type { RecordNote } from '../patients/load-patient-record';
import type { FhirContext } from './fhir-context';
import { escapeXhtml, generatedNarrative, paragraph } from './fhir-narrative';
import { referenceTo, uuidIdentifier } from './fhir-references';
import type { CompositionSection, FhirComposition } from './fhir-types';
import { noteTypeCode, sectionCode } from './note-loinc-codes';

const addendumTitle: Record<string, string> = { 'pt-BR': 'Adendo', en: 'Addendum', es: 'Adenda' };

/**
 * A signed note as a Composition: one section per note section, in the template's order, each
 * with its statements as narrative (the only form a Composition section can carry text in), then
 * one section per addendum. Addenda make it `amended`; the signed text itself never changes.
 */
export function toFhirComposition(
  { note, current, versions, addenda }: RecordNote,
  encounter: Pick<typeof encounters.$inferSelect, 'id' | 'patientId' | 'clinicId'>,
  context: FhirContext,
): FhirComposition {
  if (!note.signedAt || !note.signedBy) throw new Error('only a signed note becomes a Composition');
  const practitioner = (id: string) => referenceTo(context.style, 'Practitioner', id);
  const authorIds = [
    ...new Set([
      note.signedBy,
      ...versions.flatMap((version) => (version.authorId ? [version.authorId] : [])),
    ]),
  ];
  const type = noteTypeCode(note.template);
  const sections: CompositionSection[] = current.sections.map((section) => {
    const code = sectionCode(section.key);
    return {
      title: section.title,
      ...(code ? { code } : {}),
      text: generatedNarrative(
        section.items.length
          ? `<ul>${section.items.map((item) => `<li>${escapeXhtml(item.text)}</li>`).join('')}</ul>`
          : paragraph('—'),
      ),
    };
  });
  for (const addendum of addenda) {
    sections.push({
      title: `${addendumTitle[note.language] ?? addendumTitle.en} ${addendum.createdAt.toISOString()}`,
      author: [practitioner(addendum.authorId)],
      text: generatedNarrative(paragraph(addendum.text)),
    });
  }
  const lastChange = addenda.at(-1)?.createdAt ?? note.signedAt;
  return {
    resourceType: 'Composition',
    id: note.id,
    meta: { lastUpdated: note.updatedAt.toISOString() },
    language: note.language,
    text: generatedNarrative(
      sections.map((section) => `<h3>${escapeXhtml(section.title)}</h3>${innerOf(section)}`).join(''),
    ),
    identifier: uuidIdentifier(note.id),
    status: addenda.length ? 'amended' : 'final',
    type,
    subject: referenceTo(context.style, 'Patient', encounter.patientId),
    encounter: referenceTo(context.style, 'Encounter', encounter.id),
    date: lastChange.toISOString(),
    author: authorIds.map(practitioner),
    title: type.text ?? 'Note',
    attester: [{ mode: 'legal', time: note.signedAt.toISOString(), party: practitioner(note.signedBy) }],
    custodian: referenceTo(context.style, 'Organization', encounter.clinicId),
    section: sections,
  };
}

function innerOf(section: CompositionSection): string {
  return section.text.div.replace(/^<div[^>]*>/, '').replace(/<\/div>$/, '');
}
