// Validates payloads against the bundles with Ajv (pinned in package-lock.json), the neutral run-time check of the
// conformance: the TypeScript harness (typescript/conformance.mjs) checks each body with it, and report.mjs names the
// JSON paths the spec rejects when a decoder fails.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { childPath } from './schema-walk.mjs';

/**
 * An OpenAPI 3.0 Schema Object as JSON Schema draft-07: nullable -> null added to type (and to enum), boolean
 * exclusiveMinimum/Maximum -> numbers; OpenAPI-only keywords (example, xml, externalDocs, discriminator, x-*) are left
 * to Ajv's non-strict mode, which ignores them (so x-extensible-enum lists values without restricting them).
 */
export function toJsonSchema(schema) {
  if (Array.isArray(schema)) return schema.map(toJsonSchema);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'nullable' || key === 'example' || key === 'enum' || key === 'default') out[key] = value;
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else out[key] = toJsonSchema(value);
  }
  for (const bound of ['Minimum', 'Maximum']) {
    if (out[`exclusive${bound}`] === true) out[`exclusive${bound}`] = out[bound.toLowerCase()], delete out[bound.toLowerCase()];
    else if (out[`exclusive${bound}`] === false) delete out[`exclusive${bound}`];
  }
  if (out.nullable === true) {
    if (out.type) out.type = [out.type, 'null'];
    if (out.enum && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (!out.type && !out.enum) return { anyOf: [withoutNullable(out), { type: 'null' }] };
  }
  delete out.nullable;
  delete out.example;
  return out;
}

function withoutNullable(schema) {
  const { nullable, ...rest } = schema; // eslint-disable-line no-unused-vars
  return rest;
}

function newAjv() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });
  ajv.addFormat('float', { type: 'number', validate: () => true });
  ajv.addFormat('double', { type: 'number', validate: () => true });
  return ajv;
}

/**
 * A validator of the bundles {service: file}: validate(service, schema, payload) returns [] or the problems, each
 * '<JSON path> <message>'.
 */
export function bundleValidator(bundles) {
  const ajv = newAjv();
  for (const [service, file] of Object.entries(bundles)) {
    const bundle = JSON.parse(readFileSync(file, 'utf8'));
    ajv.addSchema({ components: { schemas: toJsonSchema(bundle.components?.schemas ?? {}) } }, service);
  }
  return (service, schema, payload) => {
    const validate = ajv.getSchema(`${service}#/components/schemas/${schema}`);
    if (!validate) return [`$ the ${service} bundle has no component schema ${schema}`];
    if (validate(payload)) return [];
    return validate.errors.map((e) => `${jsonPath(e.instancePath)} ${e.message}${
      e.params?.allowedValues ? ` ${JSON.stringify(e.params.allowedValues)}` : ''}`);
  };
}

/** A JSON pointer (/data/0/status) as a JSON path ($.data[0].status). */
function jsonPath(pointer) {
  return pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : childPath(path, part)), '$');
}

