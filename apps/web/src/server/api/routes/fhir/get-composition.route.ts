import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { apiUrlOf } from '@healthcare/core/fhir/fhir-context';
import { fhirCompositionSchema } from '@healthcare/core/fhir/fhir-schemas';
import { getFhirComposition } from '@healthcare/core/fhir/get-fhir-composition';
import { z } from 'zod';
import { defineRoute } from '../../../http/route';
import { fhirJsonResponse } from '../../../http/responses';

export const getCompositionRoute = defineRoute({
  method: 'GET',
  path: '/fhir/Composition/{id}',
  summary: 'One signed note as a FHIR R4 Composition (the id is the note’s id)',
  tag: 'fhir',
  auth: 'user',
  roles: clinicalRoles,
  params: z.strictObject({ id: z.uuid().describe('The note id') }),
  responses: {
    200: {
      description: 'The Composition',
      schema: fhirCompositionSchema,
      contentTypes: ['application/fhir+json'],
    },
    403: { description: 'Staff do not read clinical content' },
    404: { description: 'No such signed note in your clinic' },
  },
  async handle({ app, actor, params }) {
    const composition = await getFhirComposition(
      app.db,
      actor,
      params.id,
      apiUrlOf(app.config.server.publicUrl),
    );
    return fhirJsonResponse(200, composition);
  },
});
