// Decodes every corpus payload with the stock typescript-fetch clients, and checks each body against the bundle at run
// time (TypeScript types check nothing when the code runs): Ajv (package-lock.json) validates the payload against the
// bundle's component schema, then <Schema>FromJSON(payload) of the item's service and <Schema>ToJSON(model)
// re-serialize it. Reads <out>/corpus.json (polyglot/conformance/corpus.mjs), loads the clients compiled by
// tsc -p polyglot/typescript (<out>/../typescript-build), writes <out>/results/typescript-fetch.json
// [{id, ok, error, output}], judged by polyglot/conformance/report.mjs. Run by polyglot/pom.xml:
//   node conformance.mjs <out> <compiled clients dir>
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { bundleValidator } from '../conformance/ajv.mjs';

const require = createRequire(import.meta.url);
const [out, compiled] = process.argv.slice(2);
const corpus = JSON.parse(readFileSync(join(out, 'corpus.json'), 'utf8'));

const validate = bundleValidator(corpus.bundles);

const results = [];
for (const item of corpus.items) {
  const result = { id: item.id, ok: false };
  try {
    const payload = JSON.parse(readFileSync(item.file, 'utf8'));
    const problems = validate(item.service, item.schema, payload);
    if (problems.length > 0) throw new Error(`Ajv: ${problems.join('; ')}`);
    const client = require(resolve(compiled, item.service, 'index.js'));
    // typescript-fetch names a model whose schema name is a reserved word (Error, Date, ...) Model<Schema>.
    const model = [item.schema, `Model${item.schema}`].find((name) => client[`${name}FromJSON`] && client[`${name}ToJSON`]);
    if (!model) throw new Error(`the ${item.service} client has no ${item.schema}FromJSON/ToJSON`);
    const fromJson = client[`${model}FromJSON`];
    const toJson = client[`${model}ToJSON`];
    result.output = JSON.parse(JSON.stringify(toJson(fromJson(payload))));
    result.ok = true;
  } catch (e) {
    result.error = String(e.message ?? e);
  }
  results.push(result);
}
mkdirSync(join(out, 'results'), { recursive: true });
writeFileSync(join(out, 'results', 'typescript-fetch.json'), JSON.stringify(results, null, 1));
console.log(`[conformance] typescript-fetch: ${results.filter((r) => r.ok).length}/${results.length} decoded (Ajv + FromJSON)`);
