#!/usr/bin/env node
// `pnpm test`: every check in one command — lint, format, types, build, unit tests (Vitest),
// browser tests (Playwright in Debian's chromium) — then one summary line. A run that executes
// no test fails. Lint is single-threaded: it runs beside format and typecheck (buffered, so each
// step's output still prints as one block), which fills the second core instead of idling it.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const reports = mkdtempSync(path.join(tmpdir(), 'zonedeck-test-'));
const vitestJson = path.join(reports, 'vitest.json');
const playwrightJson = path.join(reports, 'playwright.json');

/**
 * Runs one step and says how it ended and how long it took. `buffered`: the step's output is
 * collected and printed after it ends, so steps running side by side do not interleave lines.
 */
function run(title, cmd, args, { env = {}, buffered = false } = {}) {
  const header = `\n=== ${title}: ${[cmd, ...args].join(' ')}`;
  if (!buffered) console.log(header);
  const started = Date.now();
  const child = spawn(cmd, args, {
    stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    env: { ...process.env, ...env },
  });
  const out = [];
  child.stdout?.on('data', (b) => out.push(b));
  child.stderr?.on('data', (b) => out.push(b));
  return new Promise((resolve) => {
    let ended = false;
    const done = (code, why) => {
      if (ended) return; // 'error' may be followed by 'close'
      ended = true;
      if (buffered) process.stdout.write(`${header}\n${Buffer.concat(out).toString()}`);
      console.log(
        `=== ${title}: ${code === 0 ? 'ok' : `FAILED (${why})`} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      resolve(code === 0);
    };
    child.on('error', (err) => done(null, err.message));
    child.on('close', (code, signal) => done(code, `exit ${code ?? signal}`));
  });
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

/** A static check; false also names it in failedSteps. */
async function check(title, script, opts) {
  const ok = await run(title, 'pnpm', ['run', '--silent', script], opts);
  if (!ok) failedSteps.push(title);
  return ok;
}

// Build starts only after typecheck and lint have ended: apps/web's tsconfig includes the
// .next/types the build writes, and neither should read a half-written build.
await Promise.all([
  check('lint', 'lint', { buffered: true }),
  (async () => {
    await check('format', 'format:check', { buffered: true });
    await check('typecheck', 'typecheck', { buffered: true });
  })(),
]);
await check('build', 'build');

if (failedSteps.includes('build')) {
  console.log('\nbuild failed: the tests need the built simulator and server; not running them.');
} else {
  if (
    !(await run('unit', 'pnpm', [
      'exec',
      'vitest',
      'run',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${vitestJson}`,
    ]))
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
    !(await run(
      'e2e',
      'pnpm',
      ['--filter', '@zonedeck/e2e', 'exec', 'playwright', 'test', '--reporter=list,json'],
      {
        env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson },
      },
    ))
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
