import { auditEventListSchema, listAuditEventsQuery } from '@healthcare/core/audit/audit-schemas';
import { listAuditEvents } from '@healthcare/core/audit/list-audit-events';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';

export const listAuditEventsRoute = defineRoute({
  method: 'GET',
  path: '/audit',
  summary:
    'The clinic’s audit trail, newest first, filtered by patient, actor, action and period (admins only)',
  tag: 'audit',
  auth: 'user',
  roles: ['admin'],
  query: listAuditEventsQuery,
  responses: { 200: { description: 'One page of audit events', schema: auditEventListSchema } },
  async handle({ app, actor, query }) {
    return jsonResponse(200, await listAuditEvents(app.db, actor, query));
  },
});
