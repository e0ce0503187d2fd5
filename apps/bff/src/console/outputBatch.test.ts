import { describe, expect, it } from 'vitest';

import { OutputBatch } from './outputBatch.js';
import { ReadBuffers } from './readBuffers.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('OutputBatch', () => {
  it("sends a turn's first chunk at once and joins the ones after it into one send, in order", async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((b) => sent.push(b.toString()), { max: 16 });
    batch.push(Buffer.from('ab'));
    expect(sent).toEqual(['ab']);
    batch.push(Buffer.from('cd'));
    batch.push(Buffer.from('ef'));
    expect(sent).toEqual(['ab']);
    await tick();
    expect(sent).toEqual(['ab', 'cdef']);
    batch.push(Buffer.from('g'));
    expect(sent).toEqual(['ab', 'cdef', 'g']);
    await tick();
    expect(sent).toEqual(['ab', 'cdef', 'g']);
  });

  it('sends at once when `max` is reached, and a big chunk alone without copying it', () => {
    const sent: Buffer[] = [];
    const batch = new OutputBatch((b) => sent.push(b), { max: 4 });
    batch.push(Buffer.from('a'));
    batch.push(Buffer.from('bc'));
    batch.push(Buffer.from('def'));
    expect(sent.map(String)).toEqual(['a', 'bcdef']);
    batch.push(Buffer.from('g'));
    expect(sent.map(String)).toEqual(['a', 'bcdef']);
    const big = Buffer.from('0123456789');
    batch.push(Buffer.from('h'));
    batch.flush();
    batch.push(big);
    expect(sent[3]).toBe(big);
  });

  it('flush sends what waits; dispose drops it', async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((b) => sent.push(b.toString()), { max: 16 });
    batch.push(Buffer.from('w'));
    batch.push(Buffer.from('x'));
    batch.flush();
    expect(sent).toEqual(['w', 'x']);
    batch.push(Buffer.from('y'));
    batch.dispose();
    await tick();
    expect(sent).toEqual(['w', 'x']);
  });

  it('hands a chunk sent as it is its release, and releases joined chunks once copied or dropped', () => {
    const released: string[] = [];
    const mark = (name: string) => () => released.push(name);
    const sent: [string, () => void][] = [];
    const batch = new OutputBatch((b, release) => sent.push([b.toString(), release]), { max: 16 });
    batch.push(Buffer.from('a'), mark('a'));
    expect(released).toEqual([]);
    sent[0]?.[1]();
    expect(released).toEqual(['a']);
    batch.push(Buffer.from('b'), mark('b'));
    batch.push(Buffer.from('c'), mark('c'));
    batch.flush();
    expect(sent.map(([text]) => text)).toEqual(['a', 'bc']);
    expect(released).toEqual(['a', 'b', 'c']);
    batch.push(Buffer.from('d'), mark('d'));
    batch.dispose();
    expect(released).toEqual(['a', 'b', 'c', 'd']);
  });

  it('joins into a lent buffer that is reused once sent; a join too big for it is a fresh copy', () => {
    const joinBuffers = new ReadBuffers(8, 1);
    const sent: [Buffer, () => void][] = [];
    const batch = new OutputBatch((b, release) => sent.push([b, release]), { max: 6, joinBuffers });
    // The turn's first chunk goes out alone; what follows in the turn is joined.
    batch.push(Buffer.from('x'));
    const join = (...parts: string[]) => {
      for (const p of parts) batch.push(Buffer.from(p));
      batch.flush();
      return sent.at(-1) as [Buffer, () => void];
    };
    const [first, releaseFirst] = join('abc', 'de');
    expect(first.toString()).toBe('abcde');
    expect(joinBuffers.pinned).toBe(1);
    // Not given back yet: the next join may not write over it.
    const [second, releaseSecond] = join('fg', 'hi');
    expect(second.toString()).toBe('fghi');
    expect(second.buffer).not.toBe(first.buffer);
    expect(first.toString()).toBe('abcde');
    releaseFirst();
    releaseSecond();
    expect(joinBuffers.pinned).toBe(0);
    const [third] = join('jk', 'lm');
    expect(third.toString()).toBe('jklm');
    expect([first.buffer, second.buffer]).toContain(third.buffer);
    expect(joinBuffers.allocated).toBe(2);
    // 4 + 5 bytes waiting pass the 8-byte buffers: a fresh buffer, nothing lent.
    const [big, releaseBig] = join('nopq', 'rstuv');
    expect(big.toString()).toBe('nopqrstuv');
    expect(releaseBig).not.toThrow();
    expect(joinBuffers.allocated).toBe(2);
  });

  it('joins bulk output over a few milliseconds; slow output after a gap goes out at once again', async () => {
    let clock = 0;
    const sent: number[] = [];
    const batch = new OutputBatch((b) => sent.push(b.length), {
      max: 64 << 10,
      bulkBytes: 8 << 10,
      bulkDelayMs: 2,
      now: () => clock,
    });
    // a PTY's reads: 4 KiB every 0.1 ms, one per turn of the event loop
    for (let i = 0; i < 10; i++) {
      batch.push(Buffer.alloc(4096));
      clock += 0.1;
      await tick();
    }
    // the first reads went out alone, then the run became bulk and waits to be joined
    expect(sent.length).toBeLessThan(4);
    const joined = 10 * 4096 - sent.reduce((a, b) => a + b, 0);
    expect(joined).toBeGreaterThan(4096);
    await new Promise((r) => setTimeout(r, 10));
    expect(sent.at(-1)).toBe(joined);
    // a keystroke's echo after a pause is not held back
    clock += 50;
    const before = sent.length;
    batch.push(Buffer.from('a'));
    expect(sent.slice(before)).toEqual([1]);
    // nor are keystrokes typed fast: a run of tiny chunks is never bulk
    for (let i = 0; i < 100; i++) {
      clock += 0.3;
      await tick();
      const count = sent.length;
      batch.push(Buffer.from('b'));
      expect(sent.slice(count)).toEqual([1]);
    }
  });
});
