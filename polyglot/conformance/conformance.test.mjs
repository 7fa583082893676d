// The conformance tools' own checks (node --test, run by polyglot/pom.xml before the harnesses): the OpenAPI 3.0 ->
// JSON Schema conversion that Ajv validates with, and the schema walk that makes the evolution corpus and counts leaves.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleValidator, toJsonSchema } from './ajv.mjs';
import { leaves, view, at } from './schema-walk.mjs';

const bundle = {
  components: {
    schemas: {
      Notebook: {
        type: 'object',
        required: ['id'],
        additionalProperties: true,
        properties: {
          id: { type: 'string' },
          status: { type: 'string', 'x-extensible-enum': ['RUNNING', 'STOPPED'] },
          phase: { type: 'string', enum: ['A', 'B'] },
          size: { type: 'integer', format: 'int32', nullable: true },
          cpu: { oneOf: [{ type: 'number' }, { type: 'string', pattern: '^[0-9]+$' }] },
          storage: { $ref: '#/components/schemas/Storage' },
          tags: { type: 'array', items: { type: 'string' } },
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          params: { type: 'object', additionalProperties: true },
        },
      },
      Storage: { type: 'object', nullable: true, properties: { kind: { type: 'string', enum: ['obs'], nullable: true } } },
    },
  },
};

function validator() {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-test-'));
  writeFileSync(join(dir, 'svc.json'), JSON.stringify(bundle));
  const validate = bundleValidator({ svc: join(dir, 'svc.json') });
  rmSync(dir, { recursive: true });
  return (payload) => validate('svc', 'Notebook', payload);
}

test('x-extensible-enum lists values without restricting them; enum restricts', () => {
  const validate = validator();
  assert.deepEqual(validate({ id: '1', status: 'HIBERNATING' }), []);
  assert.deepEqual(validate({ id: '1', phase: 'C' }), ['$.phase must be equal to one of the allowed values ["A","B"]']);
});

test('nullable: null allowed on a typed schema, on a $ref target and inside an enum', () => {
  const validate = validator();
  assert.deepEqual(validate({ id: '1', size: null, storage: null }), []);
  assert.deepEqual(validate({ id: '1', storage: { kind: null } }), []);
  assert.deepEqual(validate({ id: '1', size: 'x' }), ['$.size must be integer,null']);
  assert.deepEqual(toJsonSchema({ type: 'string', enum: ['a'], nullable: true }), { type: ['string', 'null'], enum: ['a', null] });
});

test('int32 range, unknown properties allowed, required checked, JSON paths named', () => {
  const validate = validator();
  assert.deepEqual(validate({ id: '1', size: 2 ** 31 }), ['$.size must match format "int32"']);
  assert.deepEqual(validate({ id: '1', brandNew: { a: 1 } }), []);
  assert.deepEqual(validate({ tags: [1] }), ["$ must have required property 'id'", '$.tags[0] must be string']);
});

test('the walk resolves $ref and picks the oneOf branch by JSON type', () => {
  const notebook = { $ref: '#/components/schemas/Notebook' };
  assert.deepEqual(view(bundle, notebook, {}).properties.status['x-extensible-enum'], ['RUNNING', 'STOPPED']);
  const cpu = bundle.components.schemas.Notebook.properties.cpu;
  assert.equal(view(bundle, cpu, '1').values, undefined);
  assert.deepEqual(view(bundle, { $ref: '#/components/schemas/Storage' }, {}).properties.kind.enum, ['obs']);
});

test('leaves: paths, declared flags (map keys declared, unknown properties of an open object not), empty containers', () => {
  const payload = { id: '1', tags: [], labels: { team: 'a' }, params: { cpu: 2 }, storage: { kind: 'obs' }, extra: { x: [1] } };
  const found = leaves(bundle, { $ref: '#/components/schemas/Notebook' }, payload);
  assert.deepEqual(found, [
    ['$.id', '1', true], ['$.tags', [], true], ['$.labels.team', 'a', true], ['$.params.cpu', 2, true],
    ['$.storage.kind', 'obs', true], ['$.extra.x[0]', 1, false],
  ]);
  assert.equal(at(payload, '$.extra.x[0]'), 1);
  assert.equal(at(payload, '$.storage.missing'), undefined);
});

test('report: a client that drops an unknown property fails, typescript-fetch like every language', () => {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-report-'));
  try {
    const payload = { id: '1', labels: { team: 'a' }, extra: { x: [1] } };
    writeFileSync(join(dir, 'svc.json'), JSON.stringify(bundle));
    writeFileSync(join(dir, 'payload.json'), JSON.stringify(payload));
    writeFileSync(join(dir, 'corpus.json'), JSON.stringify({
      bundles: { svc: join(dir, 'svc.json') },
      items: [{ id: 'evolution-001', corpus: 'evolution', service: 'svc', schema: 'Notebook', file: join(dir, 'payload.json'), origin: 'test' }],
    }));
    mkdirSync(join(dir, 'results'));
    const { extra, ...dropped } = payload;
    writeFileSync(join(dir, 'results', 'go.json'), JSON.stringify([{ id: 'evolution-001', ok: true, output: payload }]));
    writeFileSync(join(dir, 'results', 'typescript-fetch.json'), JSON.stringify([{ id: 'evolution-001', ok: true, output: dropped }]));
    const run = spawnSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), 'report.mjs'), dir, 'go', 'typescript-fetch'],
      { encoding: 'utf8' });

    assert.equal(run.status, 1, run.stdout + run.stderr);
    assert.match(run.stderr, /typescript-fetch evolution test \[.*payload\.json\]: 1 leaf\/leaves not kept: \$\.extra\.x\[0\] \(undeclared\): 1 -> absent/);
    assert.doesNotMatch(run.stderr, /^ {2}go /m);
    assert.match(readFileSync(join(dir, 'report.md'), 'utf8'), /\| typescript-fetch \| 1\/1, 66\.6 % \|/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});
