import { describe, expect, it } from 'vitest';

import { AckWindow, BufferedWindow } from './flowControl.js';

function source() {
  const calls: string[] = [];
  return { calls, pause: () => void calls.push('pause'), resume: () => void calls.push('resume') };
}

describe('AckWindow', () => {
  it('pauses at the window and resumes below half of it, once each', () => {
    const s = source();
    const w = new AckWindow(100, s);
    w.sentBytes(60);
    expect(s.calls).toEqual([]);
    w.sentBytes(50);
    w.sentBytes(10);
    expect(s.calls).toEqual(['pause']);
    w.ackedBytes(60); // 60 unacked: not yet below 50
    expect(s.calls).toEqual(['pause']);
    w.ackedBytes(20);
    expect(s.calls).toEqual(['pause', 'resume']);
    expect(w.unacked).toBe(40);
  });

  it('ignores acks for bytes never sent', () => {
    const s = source();
    const w = new AckWindow(100, s);
    w.ackedBytes(1_000_000);
    w.sentBytes(100);
    expect(s.calls).toEqual(['pause']);
  });
});

describe('BufferedWindow', () => {
  it('pauses above the high-water mark and resumes at the low one', () => {
    const s = source();
    const w = new BufferedWindow(1000, 100, s);
    w.update(500);
    w.update(1001);
    w.update(2000);
    w.update(500);
    expect(s.calls).toEqual(['pause']);
    w.update(100);
    expect(s.calls).toEqual(['pause', 'resume']);
  });
});
