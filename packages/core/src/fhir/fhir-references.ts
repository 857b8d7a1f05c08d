import { createHash } from 'node:crypto';
import type { Reference } from './fhir-types';

/**
 * How a resource points at another. Inside a `$everything` bundle every entry's fullUrl is
 * `urn:uuid:<id>` (all our ids are UUIDs), so references resolve within the bundle without the
 * reader knowing our server; a resource read on its own uses relative `Type/id` references.
 */
export type ReferenceStyle = 'bundle' | 'relative';

export function referenceTo(style: ReferenceStyle, type: string, id: string, display?: string): Reference {
  return {
    reference: style === 'bundle' ? `urn:uuid:${id}` : `${type}/${id}`,
    ...(display ? { display } : {}),
  };
}

/** Our database ids as FHIR identifiers: a URI, so they stay unambiguous outside this system. */
export function uuidIdentifier(id: string) {
  return { use: 'usual' as const, system: 'urn:ietf:rfc:3986', value: `urn:uuid:${id}` };
}

/**
 * A stable UUID (RFC 9562 version 5 layout) for a resource we derive from a row that already
 * has a resource of its own, e.g. the PDF DocumentReference of a note whose id the Composition
 * uses. The same input always gives the same id, so repeated exports agree.
 */
export function derivedUuid(purpose: string, sourceId: string): string {
  const bytes = createHash('sha1').update(`healthcare:${purpose}:${sourceId}`).digest().subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
