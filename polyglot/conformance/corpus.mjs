// Writes the corpora the other-language clients decode (polyglot/pom.xml runs it; everything goes to <out>, nothing is
// committed):
//   examples   every response example of each bundle (specs/target/bundles/<service>.json), into its response schema;
//   wire       every entry of the wire-corpus manifest (tests/src/test/resources/wire-corpus.json);
//   extra      every entry of an outside manifest (-Dconformance.extraCorpus=<manifest.json or a folder holding
//              wire-corpus.json): a held-out set of real payloads, same format, paths relative to that manifest;
//   evolution  each payload above with every response enum value (enum or x-extensible-enum of the schema at that
//              place) replaced by a value the spec does not list, and a new property in every object.
// Output: <out>/corpus.json = {bundles: {service: file}, items: [{id, corpus, service, schema, file, origin}]}.
// Usage: node corpus.mjs <out> <bundles dir> <manifest> [<extra manifest or folder>]
import { readFileSync, writeFileSync, mkdirSync, rmSync, existsSync, statSync } from 'node:fs';
import { dirname, join, resolve as resolvePath } from 'node:path';
import { resolve, view } from './schema-walk.mjs';
import { services } from '../../build-tools/registry/services.mjs';

const [out, bundlesDir, manifestFile, extra] = process.argv.slice(2);
if (!out || !bundlesDir || !manifestFile) {
  console.error('usage: node corpus.mjs <out> <bundles dir> <manifest> [<extra manifest or folder>]');
  process.exit(2);
}
// The services of the other-language conformance: polyglot: true in services.yaml.
const SERVICES = services().filter((s) => s.polyglot).map((s) => s.id);
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
/** The property the evolution corpus adds to every object (no spec declares it). */
const ADDED = 'addedByEvolutionCorpus';

const bundles = Object.fromEntries(SERVICES.map((s) => [s, JSON.parse(readFileSync(join(bundlesDir, `${s}.json`), 'utf8'))]));
rmSync(join(out, 'corpus'), { recursive: true, force: true });
const items = [];
let counter = 0;

function add(corpus, service, schema, payload, origin) {
  const id = `${corpus}-${String(++counter).padStart(3, '0')}`;
  const dir = join(out, 'corpus', corpus);
  mkdirSync(dir, { recursive: true });
  const file = resolvePath(dir, `${id}.json`);
  writeFileSync(file, JSON.stringify(payload, null, 2) + '\n');
  items.push({ id, corpus, service, schema, file, origin });
}

// (a) the bundles' response examples, each into the component schema its response references.
for (const service of SERVICES) {
  const bundle = bundles[service];
  for (const [path, item] of Object.entries(bundle.paths ?? {})) {
    for (const method of METHODS) {
      for (const [status, ref] of Object.entries(item[method]?.responses ?? {})) {
        const response = resolve(bundle, ref);
        for (const [type, media] of Object.entries(response.content ?? {})) {
          if (!/json/.test(type)) continue;
          const schemaRef = media.schema?.$ref ?? '';
          const schema = schemaRef.startsWith('#/components/schemas/') ? schemaRef.split('/').pop() : undefined;
          const where = `${service}.yaml ${method.toUpperCase()} ${path} ${status}`;
          const examples = [];
          if (media.example !== undefined) examples.push(['example', media.example]);
          for (const [name, ex] of Object.entries(media.examples ?? {})) examples.push([`examples.${name}`, resolve(bundle, ex).value]);
          for (const [name, value] of examples) {
            if (!schema) throw new Error(`${where}: the response schema is not a component (${JSON.stringify(media.schema)}); cannot name the model to decode into`);
            add('examples', service, schema, value, `${where} ${name}`);
          }
        }
      }
    }
  }
}

// (b) and the outside corpus: manifests of {file, service, schema}.
function readManifest(corpus, file) {
  const manifest = JSON.parse(readFileSync(file, 'utf8'));
  for (const entry of manifest.entries ?? []) {
    if (!bundles[entry.service]) throw new Error(`${file}: ${entry.file}: unknown service ${entry.service}`);
    if (!bundles[entry.service].components?.schemas?.[entry.schema]) {
      throw new Error(`${file}: ${entry.file}: ${entry.service} has no component schema ${entry.schema}`);
    }
    const payloadFile = resolvePath(dirname(file), entry.file);
    add(corpus, entry.service, entry.schema, JSON.parse(readFileSync(payloadFile, 'utf8')), entry.file);
  }
}
readManifest('wire', manifestFile);
if (extra) {
  const file = existsSync(extra) && statSync(extra).isDirectory() ? join(extra, 'wire-corpus.json') : extra;
  if (!existsSync(file)) throw new Error(`conformance.extraCorpus: ${file} does not exist`);
  readManifest('extra', file);
}

// (c) the evolution corpus, from every payload above.
function evolve(bundle, schema, value) {
  if (Array.isArray(value)) {
    const items = schema ? view(bundle, schema, value).items : undefined;
    return value.map((item) => evolve(bundle, items, item));
  }
  const v = schema ? view(bundle, schema, value) : undefined;
  if (value !== null && typeof value === 'object') {
    const copy = {};
    for (const [key, child] of Object.entries(value)) {
      const sub = v?.properties[key] ?? (typeof v?.additionalProperties === 'object' ? v.additionalProperties : undefined);
      copy[key] = evolve(bundle, sub, child);
    }
    copy[ADDED] = 'a property no spec declares yet';
    return copy;
  }
  if (v?.values && value !== null) return unlisted(v.values, value);
  return value;
}

function unlisted(values, value) {
  if (typeof value === 'number') return Math.max(...values.filter((x) => typeof x === 'number'), value) + 1;
  let candidate = `${value}_NEXT`.toUpperCase() === `${value}_NEXT` ? `${value}_NEXT` : `${value}Next`;
  while (values.includes(candidate)) candidate += '2';
  return candidate;
}

for (const item of [...items]) {
  const payload = JSON.parse(readFileSync(item.file, 'utf8'));
  const bundle = bundles[item.service];
  add('evolution', item.service, item.schema, evolve(bundle, { $ref: `#/components/schemas/${item.schema}` }, payload),
    `${item.id} (${item.origin}), evolved`);
}

writeFileSync(join(out, 'corpus.json'), JSON.stringify({
  bundles: Object.fromEntries(SERVICES.map((s) => [s, resolvePath(bundlesDir, `${s}.json`)])),
  items,
}, null, 2) + '\n');
const counts = {};
for (const item of items) counts[item.corpus] = (counts[item.corpus] ?? 0) + 1;
console.log(`[conformance] corpus: ${Object.entries(counts).map(([c, n]) => `${c} ${n}`).join(', ')} -> ${join(out, 'corpus.json')}`);
