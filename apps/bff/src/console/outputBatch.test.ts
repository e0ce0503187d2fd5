import { describe, expect, it } from 'vitest';

import { OutputBatch } from './outputBatch.js';

const tick = () => new Promise((r) => setImmediate(r));

describe('OutputBatch', () => {
  it('joins the chunks of one event-loop turn into one send, in order', async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((b) => sent.push(b.toString()), 16);
    batch.push(Buffer.from('ab'));
    batch.push(Buffer.from('cd'));
    expect(sent).toEqual([]);
    await tick();
    expect(sent).toEqual(['abcd']);
    batch.push(Buffer.from('e'));
    await tick();
    expect(sent).toEqual(['abcd', 'e']);
  });

  it('sends at once when `max` is reached, and a big chunk alone without copying it', () => {
    const sent: Buffer[] = [];
    const batch = new OutputBatch((b) => sent.push(b), 4);
    batch.push(Buffer.from('ab'));
    batch.push(Buffer.from('cde'));
    expect(sent.map(String)).toEqual(['abcde']);
    const big = Buffer.from('0123456789');
    batch.push(big);
    expect(sent[1]).toBe(big);
  });

  it('flush sends what waits; dispose drops it', async () => {
    const sent: string[] = [];
    const batch = new OutputBatch((b) => sent.push(b.toString()), 16);
    batch.push(Buffer.from('x'));
    batch.flush();
    expect(sent).toEqual(['x']);
    batch.push(Buffer.from('y'));
    batch.dispose();
    await tick();
    expect(sent).toEqual(['x']);
  });
});
