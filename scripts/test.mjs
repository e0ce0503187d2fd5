#!/usr/bin/env node
// `pnpm test`: every check in one command — lint, format, types, build, unit tests (Vitest),
// browser tests (Playwright in Debian's chromium) — then one summary line. A run that executes
// no test fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const reports = mkdtempSync(path.join(tmpdir(), 'zonedeck-test-'));
const vitestJson = path.join(reports, 'vitest.json');
const playwrightJson = path.join(reports, 'playwright.json');

function run(title, cmd, args, env = {}) {
  console.log(`\n=== ${title}: ${[cmd, ...args].join(' ')}`);
  const started = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(
    `=== ${title}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  return r.status === 0;
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

let passed = 0;
let failed = 0;
let skipped = 0;
const failedSteps = [];

for (const [title, args] of [
  ['lint', ['lint']],
  ['format', ['format:check']],
  ['typecheck', ['typecheck']],
  ['build', ['build']],
]) {
  if (!run(title, 'pnpm', ['run', '--silent', ...args])) failedSteps.push(title);
}

if (failedSteps.includes('build')) {
  console.log('\nbuild failed: the tests need the built simulator and server; not running them.');
} else {
  if (
    !run('unit', 'pnpm', [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
    ])
  ) {
    failedSteps.push('unit');
  }
  const v = readJson(vitestJson);
  if (v) {
    passed += v.numPassedTests;
    failed += v.numFailedTests;
    skipped += v.numPendingTests + v.numTodoTests;
  } else {
    failedSteps.push('unit (no report)');
  }

  if (
    !run('e2e', 'pnpm', ['--filter', '@zonedeck/e2e', 'exec', 'playwright', 'test', '--reporter=list,json'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson,
    })
  ) {
    failedSteps.push('e2e');
  }
  const p = readJson(playwrightJson);
  if (p?.stats) {
    passed += p.stats.expected;
    failed += p.stats.unexpected + p.stats.flaky;
    skipped += p.stats.skipped;
  } else {
    failedSteps.push('e2e (no report)');
  }
}

console.log('');
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
if (passed + failed === 0) {
  console.log('no test was executed: that is a failure');
  failedSteps.push('no tests');
}
console.log(`zonedeck: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length || failed ? 1 : 0);
