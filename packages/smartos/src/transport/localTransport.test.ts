import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { isSmartosError, type SmartosError } from '../errors.js';
import { createLocalTransport } from './localTransport.js';

const node = process.execPath;
const transport = createLocalTransport();
const scratch = mkdtempSync(join(tmpdir(), 'zonedeck-local-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Runs a snippet of JavaScript in a fresh node process: [node, -e, code, ...args]. */
const js = (code: string, ...args: string[]) => [node, '-e', code, ...args];

async function rejection(promise: Promise<unknown>): Promise<SmartosError> {
  try {
    await promise;
  } catch (err) {
    if (isSmartosError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

/** Whether a process exists and is not a zombie waiting for its (new) parent to reap it. */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

async function eventually(check: () => boolean, ms = 3000): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (check()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return check();
}

describe('createLocalTransport', () => {
  it('resolves with the exit code, stdout and stderr whatever the exit code', async () => {
    await expect(transport.exec({ argv: js('process.exit(0)') })).resolves.toEqual({
      exitCode: 0,
      stdout: '',
      stderr: '',
    });
    await expect(
      transport.exec({
        argv: js('process.stdout.write("out\\n"); process.stderr.write("err\\n"); process.exit(3)'),
      }),
    ).resolves.toEqual({ exitCode: 3, stdout: 'out\n', stderr: 'err\n' });
  });

  it('reports death by a signal as 128 + its number', async () => {
    const result = await transport.exec({ argv: js('process.kill(process.pid, "SIGKILL")') });
    expect(result.exitCode).toBe(137);
  });

  it('passes arguments verbatim: no shell is involved', async () => {
    const marker = join(scratch, 'shell-ran');
    const hostile = [
      `$(touch ${marker})`,
      `\`touch ${marker}\``,
      `; touch ${marker}`,
      `| touch ${marker}`,
      `'"\\`,
      'line1\nline2',
      '*',
      '~',
      '',
      'Zürich 🚀 サーバ',
    ];
    const result = await transport.exec({
      argv: js('process.stdout.write(JSON.stringify(process.argv.slice(1)))', ...hostile),
    });
    expect(JSON.parse(result.stdout)).toEqual(hostile);
    expect(existsSync(marker)).toBe(false);
  });

  it('writes stdin and closes it', async () => {
    const payload = `{"alias":"Zürich \\"db\\"","x":"${'y'.repeat(1_000_000)}"}`;
    const result = await transport.exec({
      argv: js(
        'let s="";process.stdin.setEncoding("utf8");process.stdin.on("data",d=>s+=d).on("end",()=>process.stdout.write(s))',
      ),
      stdin: payload,
    });
    expect(result.stdout).toBe(payload);
  });

  it('gives a command without stdin an immediate end of input', async () => {
    const result = await transport.exec({
      argv: js(
        'let n=0;process.stdin.on("data",d=>n+=d.length).on("end",()=>process.stdout.write("eof "+n))',
      ),
      timeoutMs: 5000,
    });
    expect(result.stdout).toBe('eof 0');
  });

  it('decodes UTF-8 split across chunks', async () => {
    const result = await transport.exec({
      argv: js(
        'const b=Buffer.from("ü🚀");process.stdout.write(b.subarray(0,3));setTimeout(()=>process.stdout.write(b.subarray(3)),50)',
      ),
    });
    expect(result.stdout).toBe('ü🚀');
  });

  it('runs with process.env merged with its env option', async () => {
    const local = createLocalTransport({ env: { ZONEDECK_TEST_VAR: 'from-opts' } });
    const result = await local.exec({
      argv: js(
        'process.stdout.write(JSON.stringify([process.env.ZONEDECK_TEST_VAR, Boolean(process.env.PATH)]))',
      ),
    });
    expect(JSON.parse(result.stdout)).toEqual(['from-opts', true]);
  });

  it('finds commands on PATH', async () => {
    const result = await transport.exec({ argv: ['node', '-e', 'process.stdout.write("hi")'] });
    expect(result.stdout).toBe('hi');
  });

  it('kills a command that runs too long, with what it started, and rejects with Timeout', async () => {
    const pidFile = join(scratch, 'grandchild.pid');
    const started = Date.now();
    const err = await rejection(
      transport.exec({
        argv: js(
          `const c=require("child_process").spawn(process.execPath,["-e","setInterval(()=>{},1000)"],{stdio:"inherit"});` +
            `require("fs").writeFileSync(${JSON.stringify(pidFile)},String(c.pid));process.stderr.write("working\\n");setInterval(()=>{},1000)`,
        ),
        timeoutMs: 1000,
      }),
    );
    expect(err.code).toBe('Timeout');
    expect(err.message).toMatch(/timed out after 1000 ms/);
    expect(err.argv[0]).toBe(node);
    expect(Date.now() - started).toBeLessThan(5000);
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    expect(await eventually(() => !alive(grandchild))).toBe(true);
  });

  it('rejects with Aborted when the signal fires', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const err = await rejection(
      transport.exec({ argv: js('setInterval(()=>{},1000)'), signal: controller.signal }),
    );
    expect(err.code).toBe('Aborted');
  });

  it('does not start a command whose signal has already fired', async () => {
    const marker = join(scratch, 'should-not-exist');
    const err = await rejection(
      transport.exec({
        argv: js(`require("fs").writeFileSync(${JSON.stringify(marker)}, "x")`),
        signal: AbortSignal.abort(),
      }),
    );
    expect(err.code).toBe('Aborted');
    await new Promise((r) => setTimeout(r, 300));
    expect(existsSync(marker)).toBe(false);
  });

  it('rejects a missing command with CommandNotFound naming it', async () => {
    const err = await rejection(transport.exec({ argv: ['zonedeck-no-such-command', 'list'] }));
    expect(err.code).toBe('CommandNotFound');
    expect(err.message).toContain('zonedeck-no-such-command');
    expect(err.argv).toEqual(['zonedeck-no-such-command', 'list']);
  });

  it('refuses an empty argv and an argument with a NUL byte', async () => {
    expect((await rejection(transport.exec({ argv: [] }))).code).toBe('CommandFailed');
    expect((await rejection(transport.exec({ argv: [node, 'a\0b'] }))).code).toBe('CommandFailed');
  });

  it('caps captured output', async () => {
    const small = createLocalTransport({ maxOutputBytes: 64 * 1024 });
    const err = await rejection(
      small.exec({
        argv: js('const b=Buffer.alloc(65536,120);for(let i=0;i<32;i++)process.stdout.write(b)'),
        timeoutMs: 10_000,
      }),
    );
    expect(err.code).toBe('CommandFailed');
    expect(err.message).toMatch(/more than 65536 bytes/);
  });

  it('stops running commands on close and refuses new ones', async () => {
    const local = createLocalTransport();
    const running = local.exec({ argv: js('setInterval(()=>{},1000)') });
    await new Promise((r) => setTimeout(r, 100));
    await local.close();
    expect((await rejection(running)).code).toBe('Aborted');
    expect((await rejection(local.exec({ argv: js('') }))).code).toBe('Aborted');
  });
});
