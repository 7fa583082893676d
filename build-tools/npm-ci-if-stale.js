#!/usr/bin/env node
// Runs `npm ci` (with the given extra arguments) only when node_modules does not already hold exactly what
// package-lock.json pins, so that a build with nothing changed does not spend ~20 s reinstalling the tools.
// Up to date means: npm's own record of what it installed (node_modules/.package-lock.json, written by every
// npm ci / npm install) lists the same packages at the same versions and integrity hashes as package-lock.json
// (packages the lock marks optional, e.g. macOS-only fsevents, may be absent), and each of them is on disk.
// Anything else (fresh clone, changed lock, partial or hand-edited node_modules) runs npm ci as before.
// Usage (from specs/pom.xml): node build-tools/npm-ci-if-stale.js <repo root> [npm ci arguments...]
'use strict';
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(process.argv[2] || '.');
const npmArgs = process.argv.slice(3);

function staleReason() {
  const lockFile = path.join(root, 'package-lock.json');
  const installedFile = path.join(root, 'node_modules', '.package-lock.json');
  if (!fs.existsSync(installedFile)) {
    return 'node_modules/.package-lock.json is missing';
  }
  let lock;
  let installed;
  try {
    lock = JSON.parse(fs.readFileSync(lockFile, 'utf8')).packages || {};
    installed = JSON.parse(fs.readFileSync(installedFile, 'utf8')).packages || {};
  } catch (e) {
    return 'cannot read the lock files: ' + e.message;
  }
  for (const [key, entry] of Object.entries(lock)) {
    if (key === '') {
      continue; // the project itself
    }
    const have = installed[key];
    if (!have) {
      if (entry.optional) {
        continue; // an optional package for another platform
      }
      return key + ' is not installed';
    }
    if (have.version !== entry.version || have.integrity !== entry.integrity || have.resolved !== entry.resolved) {
      return key + ' is ' + have.version + ', package-lock.json pins ' + entry.version;
    }
    if (!fs.existsSync(path.join(root, key, 'package.json'))) {
      return key + ' is missing from disk';
    }
  }
  for (const key of Object.keys(installed)) {
    if (!(key in lock)) {
      return key + ' is installed but not in package-lock.json';
    }
  }
  return null;
}

const reason = staleReason();
if (reason === null) {
  console.log('[npm] node_modules is up to date with package-lock.json; skipping npm ci');
  process.exit(0);
}
console.log('[npm] ' + reason + '; running npm ci ' + npmArgs.join(' '));
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', ...npmArgs], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.error) {
  console.error('[npm] cannot run npm: ' + result.error.message);
  process.exit(1);
}
process.exit(result.status === null ? 1 : result.status);
