import { requireSimLayout } from '../state/simRoot.js';
import { imgadm } from '../tools/imgadm/imgadm.js';
import { runMain } from './runMain.js';

runMain(() =>
  imgadm(process.argv.slice(2), {
    layout: () => requireSimLayout(process.env),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    ...(process.stderr.isTTY ? { stderrTty: { columns: process.stderr.columns || 80 } } : {}),
  }),
);
