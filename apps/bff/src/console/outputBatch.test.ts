import { describe, expect, it } from 'vitest';

import { OutputBatch } from './outputBatch.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('OutputBatch', () => {
  it("sends a turn's first chunk at once and joins the ones after it into one send, in order", async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((b) => sent.push(b.toString()), 16);
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
    const batch = new OutputBatch((b) => sent.push(b), 4);
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
    const batch = new OutputBatch((b) => sent.push(b.toString()), 16);
    batch.push(Buffer.from('w'));
    batch.push(Buffer.from('x'));
    batch.flush();
    expect(sent).toEqual(['w', 'x']);
    batch.push(Buffer.from('y'));
    batch.dispose();
    await tick();
    expect(sent).toEqual(['w', 'x']);
  });
});
