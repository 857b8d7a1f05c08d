import { clinicalRoles } from '@healthcare/core/users/clinical-roles';
import { encounterSchema } from '@healthcare/core/encounters/encounter-schemas';
import { retryEncounter } from '@healthcare/core/transcripts/retry-encounter';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { encounterIdParams } from './encounter-id-params';

export const retryEncounterRoute = defineRoute({
  method: 'POST',
  path: '/encounters/{id}/retry',
  summary: 'Retry the processing of a failed encounter (its failure reason says why it failed)',
  tag: 'encounters',
  cost: 'ai',
  auth: 'user',
  roles: clinicalRoles,
  params: encounterIdParams,
  responses: {
    202: { description: 'Processing resumes', schema: encounterSchema },
    409: { description: 'The encounter has not failed' },
  },
  async handle({ app, actor, params }) {
    return jsonResponse(202, await retryEncounter(app, actor, params.id));
  },
});
