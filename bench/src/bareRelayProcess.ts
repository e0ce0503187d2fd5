/**
 * The floor of any WebSocket relay written in Node: `ws` and a unix socket joined with nothing
 * else (no tickets, flow control, batching or buffer reuse), in a process of its own as the BFF
 * is. What the production relay costs beyond this is its own; what this costs over the direct
 * link is the price of the extra process and of WebSocket framing on this machine.
 *
 * Run as a child: `bareRelayProcess.ts <socket path>`; it answers `{ port }` over IPC.
 */
import { fork } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';

import { WebSocketServer } from 'ws';

import { relayProcess, type RelayProcess } from './childProcess.js';

export async function startBareRelay(socketPath: string): Promise<RelayProcess> {
  const child = fork(fileURLToPath(import.meta.url), [socketPath], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (m: { port: number }) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`the bare relay exited with ${code}`)));
  });
  return relayProcess(child, port);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const socketPath = process.argv[2];
  if (!socketPath || !process.send) throw new Error('run by startBareRelay');
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  wss.on('connection', (ws) => {
    const guest = connect(socketPath);
    guest.on('data', (chunk) => ws.send(chunk, { binary: true }));
    guest.on('close', () => ws.close());
    guest.on('error', () => ws.terminate());
    ws.on('message', (data: Buffer) => guest.write(data));
    ws.on('close', () => guest.destroy());
  });
  wss.on('listening', () => {
    const address = wss.address();
    process.send?.({ port: typeof address === 'object' && address ? address.port : 0 });
  });
}
