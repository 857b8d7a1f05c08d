import { randomUUID } from 'node:crypto';
import type { StoredNoteSection } from '../db/schema';
import { checkEvidence } from './check-evidence';

type Segments = ReadonlyMap<string, { text: string }>;

/**
 * Cited ids sorted as the segments were spoken (the map's order), unknown ones last: the checker
 * reads a question and its answer ("Teve febre?" "Não.") in that order.
 */
export function inTranscriptOrder(evidence: readonly string[], segments: Segments): string[] {
  const position = new Map([...segments.keys()].map((id, index) => [id, index]));
  return [...evidence].sort(
    (a, b) => (position.get(a) ?? Number.MAX_SAFE_INTEGER) - (position.get(b) ?? Number.MAX_SAFE_INTEGER),
  );
}

/**
 * Turns what the model wrote into stored sections: each statement gets an id and the evidence
 * checker's flags. Cited ids that are not transcript segments are flagged, then dropped, so
 * stored evidence always points at real segments.
 */
export function flagWrittenSections(
  sections: { key: string; title: string; items: { text: string; evidence: string[] }[] }[],
  segments: Segments,
  language: string,
): StoredNoteSection[] {
  return sections.map((section) => ({
    key: section.key,
    title: section.title,
    items: section.items.map((item) => ({
      id: randomUUID(),
      text: item.text,
      evidence: item.evidence.filter((id) => segments.has(id)),
      flags: checkEvidence(
        { text: item.text, evidence: inTranscriptOrder(item.evidence, segments) },
        segments,
        language,
      ),
    })),
  }));
}
