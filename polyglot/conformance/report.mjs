// Judges the other-language conformance: for each language whose harness wrote <out>/results/<language>.json and each
// corpus of <out>/corpus.json, how many payloads decoded, and how many leaves survived the round trip (decode,
// re-serialize). A leaf is a scalar, null, [] or {} at a JSON path of the input; it is kept when the re-serialized
// output has an equal value at the same path (numbers compared as numbers, a string stays a string; a null leaf may
// also come back absent: no value either way). Every language must keep every leaf, those at properties the spec does
// not declare included: the response objects of the bundles declare additionalProperties: true, so every stock client
// keeps unknown properties (typescript-fetch copies them only then). Prints the table, writes <out>/report.md, and
// exits 1 naming language, corpus file and JSON path of every failure. Usage: node report.mjs <out> <language>...
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { leaves, at } from './schema-walk.mjs';
import { bundleValidator } from './ajv.mjs';

const [out, ...languages] = process.argv.slice(2);

const corpus = JSON.parse(readFileSync(join(out, 'corpus.json'), 'utf8'));
const bundles = Object.fromEntries(Object.entries(corpus.bundles).map(([s, f]) => [s, JSON.parse(readFileSync(f, 'utf8'))]));
const validate = bundleValidator(corpus.bundles);
const corpora = [...new Set(corpus.items.map((i) => i.corpus))];
const payloads = new Map(corpus.items.map((i) => [i.id, JSON.parse(readFileSync(i.file, 'utf8'))]));
const itemLeaves = new Map(corpus.items.map((i) => [i.id,
  leaves(bundles[i.service], { $ref: `#/components/schemas/${i.schema}` }, payloads.get(i.id))]));

function same(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  if (a === null || typeof a !== 'object') return a === b;
  if (b === null || typeof b !== 'object' || Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  return ka.length === Object.keys(b).length && ka.every((k) => same(a[k], b[k]));
}

const describe = (item) => `${item.origin} [${item.file}]`;

const failures = [];
const rows = [];
for (const language of languages) {
  const file = join(out, 'results', `${language}.json`);
  if (!existsSync(file)) {
    failures.push(`${language}: no results (${file}): its harness did not run`);
    continue;
  }
  const results = new Map(JSON.parse(readFileSync(file, 'utf8')).map((r) => [r.id, r]));
  const row = { language, cells: {} };
  for (const name of corpora) {
    const items = corpus.items.filter((i) => i.corpus === name);
    let decoded = 0; let total = 0; let kept = 0;
    for (const item of items) {
      const result = results.get(item.id);
      if (!result?.ok) {
        const spec = validate(item.service, item.schema, payloads.get(item.id));
        failures.push(`${language} ${name} ${describe(item)}: cannot decode into ${item.service} ${item.schema}: ${
          (result?.error ?? 'no result').split('\n')[0].slice(0, 300)}${spec.length ? `\n      the bundle rejects: ${
          spec.slice(0, 5).join('; ')}${spec.length > 5 ? `; and ${spec.length - 5} more` : ''}` : ''}`);
        continue;
      }
      decoded++;
      const lost = [];
      for (const [path, value, declared] of itemLeaves.get(item.id)) {
        const back = at(result.output, path);
        total++;
        if (same(value, back) || (value === null && back === undefined)) kept++;
        else lost.push(`${path}${declared ? '' : ' (undeclared)'}: ${JSON.stringify(value)} -> ${back === undefined ? 'absent' : JSON.stringify(back)}`);
      }
      if (lost.length > 0) {
        failures.push(`${language} ${name} ${describe(item)}: ${lost.length} leaf/leaves not kept: ${lost.slice(0, 5).join('; ')}${lost.length > 5 ? '; ...' : ''}`);
      }
    }
    const percent = total === 0 ? 100 : (100 * kept) / total;
    row.cells[name] = { decoded, n: items.length, kept, total, percent };
  }
  rows.push(row);
}

const fmt = (c) => (!c ? '-' : `${c.decoded}/${c.n}, ${
  c.total === 0 && c.decoded === 0 ? '-' : `${c.percent === 100 ? '100' : Math.floor(c.percent * 10) / 10} %`}`);
const table = [
  `| language | ${corpora.map((c) => `${c}: decoded, leaves kept`).join(' | ')} |`,
  `|---|${corpora.map(() => '---').join('|')}|`,
  ...rows.map((r) => `| ${r.language} | ${corpora.map((c) => fmt(r.cells[c])).join(' | ')} |`),
].join('\n');
const counts = corpora.map((c) => {
  const items = corpus.items.filter((i) => i.corpus === c);
  const all = items.flatMap((i) => itemLeaves.get(i.id));
  return `${c} ${items.length} (${all.length} leaves, ${all.filter(([, , declared]) => !declared).length} at undeclared properties)`;
}).join(', ');
const report = `Payloads: ${counts}. Leaves kept: of all input leaves, those at undeclared properties included.\n\n${table}\n`;
writeFileSync(join(out, 'report.md'), report + (failures.length ? `\nFailures:\n${failures.map((f) => `- ${f}`).join('\n')}\n` : ''));
console.log(`[conformance] ${report.replace(/\n/g, '\n[conformance] ')}`);
if (failures.length > 0) {
  console.error(`[conformance] ${failures.length} failure(s) (language corpus origin [payload file]: problem):`);
  const shown = {};
  for (const f of failures) {
    const language = f.split(' ')[0];
    shown[language] = (shown[language] ?? 0) + 1;
    if (shown[language] <= 12) console.error(`  ${f}`);
  }
  for (const [language, n] of Object.entries(shown)) {
    if (n > 12) console.error(`  ${language}: ${n - 12} more (all in ${join(out, 'report.md')})`);
  }
  process.exit(1);
}
