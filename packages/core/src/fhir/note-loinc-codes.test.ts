import { builtInTemplates } from '@healthcare/ai/notes/built-in-templates';
import { describe, expect, it } from 'vitest';
import { derivedUuid } from './fhir-references';
import { noteTypes, sectionCodes } from './note-loinc-codes';

describe('LOINC codes for note sections', () => {
  it('should only code section keys that a built-in template has, so a renamed key cannot silently lose its code', () => {
    const keys = new Set(
      builtInTemplates.flatMap((template) => template.sections.map((section) => section.key)),
    );
    for (const key of Object.keys(sectionCodes)) expect(keys, key).toContain(key);
  });

  it('should give every built-in template a document type', () => {
    expect(Object.keys(noteTypes).sort()).toEqual(builtInTemplates.map((template) => template.key).sort());
  });

  it('should code the sections the issue names', () => {
    expect(sectionCodes.history_of_present_illness?.code).toBe('10164-2');
    expect(sectionCodes.assessment?.code).toBe('51848-0');
    expect(sectionCodes.plan?.code).toBe('18776-5');
  });
});

describe('derivedUuid', () => {
  it('should be a stable version-5-shaped UUID that differs by purpose', () => {
    const id = '0b6f7a52-5f0e-4a38-9a51-6f1c8f0e2d11';
    expect(derivedUuid('note-pdf', id)).toBe(derivedUuid('note-pdf', id));
    expect(derivedUuid('note-pdf', id)).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(derivedUuid('other', id)).not.toBe(derivedUuid('note-pdf', id));
  });
});
