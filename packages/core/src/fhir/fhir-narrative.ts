import type { Narrative } from './fhir-types';

const xhtmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Text made safe inside FHIR's XHTML narrative: clinical text may well contain "<" or "&". */
export function escapeXhtml(text: string): string {
  return text.replace(/[&<>"]/g, (character) => xhtmlEscapes[character] ?? character);
}

/** A generated narrative; `innerXhtml` must already be escaped (build it with escapeXhtml). */
export function generatedNarrative(innerXhtml: string): Narrative {
  return { status: 'generated', div: `<div xmlns="http://www.w3.org/1999/xhtml">${innerXhtml}</div>` };
}

export function paragraph(text: string): string {
  return `<p>${escapeXhtml(text)}</p>`;
}
