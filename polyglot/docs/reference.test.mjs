// Opens each rendered API reference (target/docs/<service>.html) in Debian's headless Chromium and checks,
// as a reader would, that every operation of the service document can be reached from the sidebar by its
// summary, shows its method, path and operationId anchor, and shows its example request and response.
// Leaves one screenshot per service: target/docs/<service>.png.
// Run by polyglot/pom.xml: node --test polyglot/docs/reference.test.mjs
// (env POLYGLOT_OUT=<target dir>, CHROMIUM=/usr/bin/chromium; the services: polyglot: true in services.yaml).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { services as registry } from '../../build-tools/registry/services.mjs';

const out = process.env.POLYGLOT_OUT;
const services = registry().filter((s) => s.polyglot).map((s) => s.id);
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
assert.ok(out && services.length > 0, 'POLYGLOT_OUT must be set and services.yaml name a polyglot service');
assert.ok(existsSync(executablePath),
  `${executablePath} is missing: install Debian's chromium (polyglot/install-system-deps.sh, run by .ci/run)`);

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Every operation of a dereferenced OpenAPI document, with what the page must show of it. */
function operations(spec) {
  const ops = [];
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      assert.ok(op.operationId && op.summary && op.tags?.length,
        `${method.toUpperCase()} ${path}: needs an operationId, a summary and a tag to be found in the reference`);
      const firstSuccess = Object.keys(op.responses ?? {}).find((code) => /^2/.test(code));
      ops.push({
        method, path, operationId: op.operationId, summary: op.summary, tag: op.tags[0],
        request: firstExample(op.requestBody?.content?.['application/json']),
        response: firstExample(op.responses?.[firstSuccess]?.content?.['application/json']),
      });
    }
  }
  return ops;
}

/** The example Redoc shows first for a media type: the first named example, else the example. */
function firstExample(media) {
  if (!media) return undefined;
  const named = Object.values(media.examples ?? {});
  if (named.length > 0) return named[0].value;
  return media.example;
}

/** Lines of the rendered JSON sample that must be on the page: `"key": value` for each scalar property. */
function sampleFragments(value, key) {
  const fragments = [];
  const prefix = key === undefined ? '' : `${JSON.stringify(key)}: `;
  if (Array.isArray(value) || (value !== null && typeof value === 'object')) {
    const entries = Array.isArray(value) ? value.map((v) => [undefined, v]) : Object.entries(value);
    if (entries.length === 0 && key !== undefined) fragments.push(`${JSON.stringify(key)}:`);
    for (const [k, v] of entries) fragments.push(...sampleFragments(v, k));
  } else if (value !== undefined) {
    fragments.push(prefix + JSON.stringify(value));
  }
  return fragments;
}

let browser;
let profile;

before(async () => {
  profile = mkdtempSync(join(tmpdir(), 'polyglot-chromium-'));
  // launchPersistentContext gives Chromium its own new, empty --user-data-dir.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    viewport: { width: 1440, height: 1400 },
    reducedMotion: 'reduce',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
});

after(async () => {
  await browser?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

for (const service of services) {
  test(`${service}: every operation, its summary and its examples are on the rendered reference`, { timeout: 120_000 }, async () => {
    const spec = JSON.parse(readFileSync(join(out, 'bundled', `${service}.json`), 'utf8'));
    const ops = operations(spec);
    assert.ok(ops.length > 0, `${service}: the document has no operation`);

    const page = await browser.newPage();
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    // The page must work offline: anything but the file itself (Redoc's badge logo, telemetry) is refused.
    await page.route((url) => !/^(file|data|blob|about):/.test(url.href), (route) => route.abort());
    await page.goto(pathToFileURL(join(out, 'docs', `${service}.html`)).href, { waitUntil: 'load' });
    await page.getByRole('heading', { name: spec.info.title }).first().waitFor({ state: 'visible', timeout: 15_000 });

    const menu = page.locator('[data-component-name="Menu/Menu"]').first();
    /** Opens an operation from the sidebar as a reader does (unfolding its tag first); returns its section. */
    const open = async (op) => {
      const entry = menu.getByText(op.summary, { exact: true });
      // Redoc anchors each operation at <tag>/<operationId>, e.g. #/devenviron/listnotebooks.
      const section = page.locator(`[id$="/${op.operationId.toLowerCase()}"]`);
      for (let attempt = 1; ; attempt++) {
        try { // the sidebar folds and unfolds with an animation: a click can land mid-way, so try again
          if (!(await entry.isVisible())) {
            await menu.getByText(op.tag, { exact: true }).click({ timeout: 5_000 });
            await entry.waitFor({ state: 'visible', timeout: 5_000 });
          }
          await entry.click({ timeout: 5_000 });
          await section.waitFor({ state: 'visible', timeout: 5_000 });
          return section;
        } catch (e) {
          if (attempt === 3) throw e;
        }
      }
    };

    for (const op of ops) {
      const where = `${service} ${op.operationId} (${op.method.toUpperCase()} ${op.path})`;
      const section = await open(op);
      assert.match(page.url(), new RegExp(`/${op.operationId.toLowerCase()}$`), `${where}: the sidebar entry does not link to the operation`);
      const heading = section.getByRole('heading', { level: 2 }).first();
      assert.equal((await heading.innerText()).trim(), op.summary, `${where}: the operation's heading is not its summary`);

      const text = await section.innerText();
      assert.ok(text.includes(op.path), `${where}: the path is not shown`);
      for (const [what, example] of [['request', op.request], ['response', op.response]]) {
        const missing = sampleFragments(example).filter((fragment) => !text.includes(fragment));
        assert.deepEqual(missing, [], `${where}: the ${what} example is not shown whole; missing lines`);
      }
      assert.ok(op.response !== undefined, `${where}: the first 2xx response has no JSON example to show`);
    }

    // The screenshot shows the first operation whole: parameters, responses and the example response.
    await (await open(ops[0])).screenshot({ path: join(out, 'docs', `${service}.png`) });
    await page.close();
    assert.deepEqual(pageErrors, [], `${service}: the page threw`);
  });
}
