import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiClient } from '../../testing/api-client';
import { startTestApp, type TestApp } from '../../testing/start-test-app';
import { apiRoutes } from '../routes';

let testApp: TestApp;
let document: any;

beforeAll(async () => {
  testApp = await startTestApp();
  const response = await apiClient(testApp.baseUrl).get('/api/v1/openapi.json');
  expect(response.status).toBe(200);
  document = response.body;
});
afterAll(() => testApp.close());

describe('GET /openapi.json', () => {
  it('should be a valid OpenAPI 3.1 document', async () => {
    const validator = new Validator();
    const result = await validator.validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  });

  it('should describe every route of the router, and nothing else', () => {
    const documented = Object.entries(document.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routed = apiRoutes.map((route) => `${route.method} ${route.path}`);
    expect(documented.sort()).toEqual(routed.sort());
  });

  it('should resolve every $ref to a component', () => {
    const refs = JSON.stringify(document).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = /#\/components\/schemas\/([^"]+)/.exec(ref)?.[1];
      expect(name, ref).toBeDefined();
      expect(document.components.schemas[name!], ref).toBeDefined();
    }
  });

  it('should describe request bodies from the validating schemas, unknown fields forbidden', () => {
    const body = document.paths['/patients'].post.requestBody.content['application/json'].schema;
    const schema = body.$ref ? document.components.schemas[body.$ref.split('/').pop()] : body;
    expect(schema.required.sort()).toEqual(['birthDate', 'name', 'sex']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.sex.enum).toEqual(['female', 'male', 'other', 'unknown']);
    const listParameters = document.paths['/patients'].get.parameters.map(
      (parameter: { name: string }) => parameter.name,
    );
    expect(listParameters.sort()).toEqual(['cursor', 'limit', 'q']);
  });
});
