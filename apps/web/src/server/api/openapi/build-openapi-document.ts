import { userRoles } from '@healthcare/core/users/user-schemas';
import { z } from 'zod';
import type { Route } from '../../http/route';

type JsonSchema = Record<string, unknown>;

const problemSchema: JsonSchema = {
  type: 'object',
  description: 'RFC 9457 problem details',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
    errors: {
      type: 'array',
      description:
        'One entry per invalid field; `pointer` is a JSON Pointer into the body (or /query/… for query parameters)',
      items: {
        type: 'object',
        properties: { pointer: { type: 'string' }, detail: { type: 'string' }, code: { type: 'string' } },
        required: ['pointer', 'detail', 'code'],
      },
    },
  },
  required: ['type', 'title', 'status', 'detail'],
};

// OpenAPI 3.1 describes raw bytes by their media type alone (the schema constrains nothing).
const binarySchema: JsonSchema = { description: 'Raw bytes' };

/** OpenAPI 3.1 from the route table: the same zod schemas that validate each request describe it. */
export function buildOpenApiDocument(routes: readonly Route<never, never, never>[], publicUrl: URL) {
  const components: Record<string, JsonSchema> = { Problem: problemSchema };
  const paths: Record<string, Record<string, unknown>> = {};

  const toSchema = (schema: z.ZodType, io: 'input' | 'output'): JsonSchema => {
    const json = z.toJSONSchema(schema, {
      io,
      unrepresentable: 'any',
      target: 'draft-2020-12',
    }) as JsonSchema;
    const { $schema: _dialect, $defs, ...rest } = json;
    for (const [name, definition] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      components[name] = rewriteRefs(definition) as JsonSchema;
    }
    return rewriteRefs(rest) as JsonSchema;
  };

  for (const route of routes) {
    const operation: Record<string, unknown> = {
      operationId: operationId(route),
      summary: route.summary,
      tags: [route.tag],
      ...(route.auth === 'user' ? { security: [{ bearer: [] }, { cookie: [] }] } : { security: [] }),
      // Who may call it at all; the role matrix test holds every route to this.
      ...(route.auth === 'user' ? { 'x-roles': route.roles ?? userRoles } : {}),
      parameters: [
        ...objectParameters(route.params, 'path', toSchema),
        ...objectParameters(route.query, 'query', toSchema),
      ],
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: toSchema(route.body, 'input') } },
            },
          }
        : {}),
      responses: Object.fromEntries([
        ...Object.entries(route.responses).map(([status, spec]) => [
          status,
          {
            description: spec.description,
            ...(spec.schema
              ? {
                  content: Object.fromEntries(
                    (spec.contentTypes ?? ['application/json']).map((type) => [
                      type,
                      { schema: toSchema(spec.schema!, 'output') },
                    ]),
                  ),
                }
              : spec.contentTypes
                ? {
                    content: Object.fromEntries(
                      spec.contentTypes.map((type) => [type, { schema: binarySchema }]),
                    ),
                  }
                : Number(status) >= 400
                  ? {
                      content: {
                        'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
                      },
                    }
                  : {}),
          },
        ]),
        [
          'default',
          {
            description: 'An error',
            content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
          },
        ],
      ]),
    };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }

  return {
    openapi: '3.1.0',
    info: {
      title: 'HealthCare API',
      version: '1.0.0',
      description: 'Clinical documentation: clinics, users, patients and their audit trail.',
    },
    servers: [{ url: new URL('/api/v1', publicUrl).toString() }],
    paths,
    components: {
      schemas: components,
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        cookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'hc_access',
          description: 'Browser session; mutations also need X-CSRF-Token',
        },
      },
    },
  };
}

function objectParameters(
  schema: z.ZodType | undefined,
  location: 'path' | 'query',
  toSchema: (schema: z.ZodType, io: 'input' | 'output') => JsonSchema,
) {
  if (!schema) return [];
  const json = toSchema(schema, 'input');
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties ?? {}) as Record<string, JsonSchema>).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || required.has(name),
    ...(typeof property.description === 'string' ? { description: property.description } : {}),
    schema: property,
  }));
}

function rewriteRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(rewriteRefs);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        key === '$ref' && typeof inner === 'string'
          ? inner.replace('#/$defs/', '#/components/schemas/')
          : rewriteRefs(inner),
      ]),
    );
  }
  return value;
}

/** `GET /patients/{id}` → `getPatientsById`: unique because method and path are. */
function operationId(route: Route<never, never, never>): string {
  const fromPath = route.path
    .split('/')
    .filter(Boolean)
    .map((segment) =>
      segment.startsWith('{') ? 'ById' : segment.replace(/\W+(\w)/g, (_, c: string) => c.toUpperCase()),
    )
    .map((segment) => segment.charAt(0).toUpperCase() + segment.slice(1))
    .join('');
  return `${route.method.toLowerCase()}${fromPath}`;
}
