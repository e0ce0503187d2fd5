import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { TRPCError } from '@trpc/server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import type { JobRequest } from '@zonedeck/api';
import type { Job } from '@zonedeck/api/schemas';

import { AuditLog } from '../audit/auditLog.js';
import { openDatabase, type Db } from '../db/database.js';
import { JobRunner } from './jobRunner.js';
import { JobStore } from './jobStore.js';

const alice = { id: 'u1', username: 'alice', role: 'operator' as const };
let dir: string;
let db: Db;
let runner: JobRunner;
let audit: AuditLog;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zonedeck-jobs-'));
  db = openDatabase(dir);
  audit = new AuditLog(db);
  runner = new JobRunner(new JobStore(db), audit);
});
afterEach(async () => {
  await runner.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function request(over: Partial<JobRequest> = {}): JobRequest {
  return {
    hostId: 'sim',
    kind: 'vm.stop',
    target: 'vm-1',
    targetName: 'samba',
    args: { uuid: 'vm-1', force: false },
    run: () => Promise.resolve('Successfully completed stop for VM vm-1'),
    ...over,
  };
}

async function finished(id: string): Promise<Job> {
  for (let i = 0; i < 200; i++) {
    const job = runner.get(id);
    if (job && job.state !== 'running') return job;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`job ${id} did not finish`);
}

describe('JobRunner', () => {
  it('stores a job, its log and result, and audits it', async () => {
    const job = runner.start(alice, request());
    expect(job).toMatchObject({ state: 'running', kind: 'vm.stop', username: 'alice', targetName: 'samba' });
    const done = await finished(job.id);
    expect(done).toMatchObject({ state: 'succeeded', message: 'Successfully completed stop for VM vm-1' });
    expect(runner.get(job.id)?.log.map((l) => l.line)).toEqual(['Successfully completed stop for VM vm-1']);
    expect(audit.list({ limit: 10 })).toMatchObject([
      { username: 'alice', action: 'vm.stop', target: 'vm-1', result: 'ok' },
    ]);
  });

  it('records a failure with the error message', async () => {
    const job = runner.start(
      alice,
      request({ run: () => Promise.reject(new Error('vmadm stop failed: exit 1')) }),
    );
    expect(await finished(job.id)).toMatchObject({ state: 'failed', message: 'vmadm stop failed: exit 1' });
    expect(audit.list({ limit: 1 })[0]).toMatchObject({
      result: 'error',
      detail: 'vmadm stop failed: exit 1',
    });
  });

  it('refuses a second job on a busy VM with a clear message, and allows it once the first ends', async () => {
    let release: (v: string) => void = () => undefined;
    const first = runner.start(alice, request({ run: () => new Promise<string>((r) => (release = r)) }));
    const second = (() => {
      try {
        runner.start({ ...alice, username: 'bob' }, request({ kind: 'vm.start' }));
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(second).toBeInstanceOf(TRPCError);
    expect((second as TRPCError).code).toBe('CONFLICT');
    expect((second as TRPCError).message).toBe(
      'samba is busy: alice is running vm.stop on it; wait for it to finish',
    );
    expect(audit.list({ limit: 1 })[0]).toMatchObject({ username: 'bob', result: 'refused' });
    // Another VM is not blocked.
    expect(runner.start(alice, request({ target: 'vm-2' })).state).toBe('running');
    release('done');
    await finished(first.id);
    expect(runner.start(alice, request()).state).toBe('running');
  });

  it('marks jobs a previous process left running as interrupted at the next start', () => {
    const hang = ({ signal }: { signal: AbortSignal }) =>
      new Promise<string>((_, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    const job = runner.start(alice, request({ run: hang }));
    // A crash: a new runner on the same database, the old one never finishing.
    const next = new JobRunner(new JobStore(db), audit);
    const interrupted = next.recoverInterrupted();
    expect(interrupted.map((j) => j.id)).toEqual([job.id]);
    expect(next.get(job.id)).toMatchObject({ state: 'interrupted' });
    expect(next.get(job.id)?.log.at(-1)?.line).toMatch(/^interrupted: the console stopped/);
  });

  it('tells subscribers about every change', async () => {
    const abort = new AbortController();
    const seen: string[] = [];
    const listening = (async () => {
      for await (const job of runner.events(abort.signal)) {
        seen.push(job.state);
        if (job.state !== 'running') abort.abort();
      }
    })();
    await new Promise((r) => setTimeout(r, 5));
    runner.start(alice, request());
    await listening;
    expect(seen).toEqual(['running', 'succeeded']);
  });
});
