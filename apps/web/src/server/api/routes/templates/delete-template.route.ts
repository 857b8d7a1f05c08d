import { deleteTemplate } from '@healthcare/core/templates/delete-template';
import { templateKeyParams } from '@healthcare/core/templates/template-schemas';
import { defineRoute } from '../../../http/route';
import { noContent } from '../../../http/responses';

export const deleteTemplateRoute = defineRoute({
  method: 'DELETE',
  path: '/templates/{key}',
  summary: 'Delete a clinic template no encounter has used (admins); archive one that is in use',
  tag: 'templates',
  auth: 'user',
  roles: ['admin'],
  params: templateKeyParams,
  responses: {
    204: { description: 'Deleted' },
    403: { description: 'Only admins manage templates' },
    404: { description: 'No such template in your clinic' },
    409: { description: 'Built-in templates cannot be deleted; one in use must be archived instead' },
  },
  async handle({ app, actor, params }) {
    await deleteTemplate(app.db, actor, params.key);
    return noContent();
  },
});
