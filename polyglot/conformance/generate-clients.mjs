// Generates the stock clients of the other-language conformance: for every service of services.yaml with
// polyglot: true, a java (okhttp-gson), python, typescript-fetch and go client into <clients>/<generator>/<service>,
// each from the language's recommended settings (<generators>/<generator>.yaml, shipped in notebook-specs) plus the
// names of this harness (package, module path). One JVM: openapi-generator-cli's `batch` command, one config file per
// client in <clients>/batch/ that includes the language's settings file (written as JSON, which is YAML: batch reads
// an !include with the parser of the including file). Run by polyglot/pom.xml:
//   node generate-clients.mjs <openapi-generator-cli.jar> <bundles dir> <generators dir> <clients dir>
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { services } from '../../build-tools/registry/services.mjs';

const [jar, bundles, generators, clients] = process.argv.slice(2).map((a) => a && resolve(a));
if (!clients) {
  console.error('usage: generate-clients.mjs <openapi-generator-cli.jar> <bundles dir> <generators dir> <clients dir>');
  process.exit(2);
}

/** The per-client settings besides the language's file: what the harnesses load (see their readers). */
const LANGUAGES = {
  java: (id) => ({ invokerPackage: `conformance.${id}`, apiPackage: `conformance.${id}.api`, modelPackage: `conformance.${id}.model` }),
  python: (id) => ({ packageName: `${id}_client` }),
  'typescript-fetch': () => ({}),
  go: (id) => ({ packageName: id, gitHost: 'example.com', gitUserId: 'conformance', gitRepoId: id }),
};

const ids = services().filter((s) => s.polyglot).map((s) => s.id);
if (ids.length === 0) throw new Error('services.yaml: no service has polyglot: true');
const batch = join(clients, 'batch');
rmSync(clients, { recursive: true, force: true });
mkdirSync(batch, { recursive: true });
const configs = [];
for (const [generator, names] of Object.entries(LANGUAGES)) {
  const settings = join(generators, `${generator}.yaml`);
  // batch skips a missing !include silently: fail here instead.
  if (!existsSync(settings)) throw new Error(`${settings} is missing (the recommended ${generator} settings)`);
  for (const id of ids) {
    const spec = join(bundles, `${id}.yaml`);
    if (!existsSync(spec)) throw new Error(`${spec} is missing: build the specs module first (./mvnw install -DskipTests)`);
    const config = join(batch, `${generator}-${id}.yaml`);
    writeFileSync(config, `${JSON.stringify({
      '!include': `${generator}.yaml`,
      generatorName: generator,
      inputSpec: spec,
      outputDir: join(clients, generator, id),
      // No tests or docs: only the code the harnesses load.
      globalProperties: { apiTests: 'false', modelTests: 'false', apiDocs: 'false', modelDocs: 'false' },
      ...names(id),
    }, null, 2)}\n`);
    configs.push(config);
  }
}

const java = process.env.JAVA_HOME ? join(process.env.JAVA_HOME, 'bin', 'java') : 'java';
console.log(`[conformance] generating ${configs.length} clients (${Object.keys(LANGUAGES).join(', ')} x ${ids.join(', ')})`);
const run = spawnSync(java, ['-jar', jar, 'batch', '--fail-fast', '--includes-base-dir', generators, ...configs],
  { stdio: 'inherit' });
if (run.status !== 0) {
  console.error(`[conformance] openapi-generator batch failed (exit ${run.status ?? run.signal}${run.error ? `, ${run.error.message}` : ''})`);
  process.exit(1);
}
const missing = Object.keys(LANGUAGES).flatMap((g) => ids.map((id) => join(clients, g, id)))
  .filter((dir) => !existsSync(join(dir, '.openapi-generator', 'FILES')));
if (missing.length > 0) {
  console.error(`[conformance] no client generated in ${missing.join(', ')}`);
  process.exit(1);
}
