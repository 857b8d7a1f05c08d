import { z } from 'zod';

/**
 * What the OpenAPI document says about our FHIR answers. The resources themselves follow the
 * FHIR R4 specification (checked against its JSON schema in the tests), which is too large to
 * restate here.
 */
const fhirResource = z
  .looseObject({ resourceType: z.string(), id: z.string() })
  .describe(
    'A FHIR R4 resource: Patient, Organization, Practitioner, Encounter, Composition or DocumentReference',
  );

export const fhirBundleSchema = z
  .looseObject({
    resourceType: z.literal('Bundle'),
    id: z.string(),
    type: z.literal('collection'),
    timestamp: z.iso.datetime(),
    entry: z.array(z.object({ fullUrl: z.string().describe('urn:uuid:<id>'), resource: fhirResource })),
  })
  .meta({ id: 'FhirBundle', description: 'A FHIR R4 Bundle; every reference resolves to an entry' });

export const fhirCompositionSchema = z
  .looseObject({
    resourceType: z.literal('Composition'),
    id: z.uuid(),
    status: z.enum(['final', 'amended']),
    section: z.array(z.looseObject({ title: z.string() })),
  })
  .meta({ id: 'FhirComposition', description: 'A signed note as a FHIR R4 Composition' });
