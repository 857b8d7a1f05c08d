import { z } from 'zod';
import { defineRoute } from '../../../http/route';
import { jsonResponse } from '../../../http/responses';
import { buildOpenApiDocument } from '../../openapi/build-openapi-document';

let cached: object | undefined;

export const getOpenApiRoute = defineRoute({
  method: 'GET',
  path: '/openapi.json',
  summary: 'This API described as OpenAPI 3.1, generated from the schemas that validate requests',
  tag: 'meta',
  auth: 'none',
  responses: { 200: { description: 'The OpenAPI document', schema: z.looseObject({ openapi: z.string() }) } },
  async handle({ app }) {
    // Imported lazily: the route table imports this route, and the document describes the route table.
    const { apiRoutes } = await import('../index');
    cached ??= buildOpenApiDocument(apiRoutes, app.config.server.publicUrl);
    return jsonResponse(200, cached);
  },
});
