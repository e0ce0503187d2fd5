import { requireSimLayout } from '../state/simRoot.js';
import { vmadm } from '../tools/vmadm/vmadm.js';
import { runMain } from './runMain.js';

// vmadm events runs until told to stop: SIGTERM/SIGINT/SIGHUP end it cleanly (exit 0), and
// a closed stdout pipe ends it through runMain's EPIPE handler.
const stop = new AbortController();
for (const sig of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(sig, () => stop.abort());

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

runMain(() =>
  vmadm(process.argv.slice(2), {
    layout: () => requireSimLayout(process.env),
    env: process.env,
    stdin: { isTty: process.stdin.isTTY === true, read: readStdin },
    write: (text) => process.stdout.write(text),
    signal: stop.signal,
  }),
);
