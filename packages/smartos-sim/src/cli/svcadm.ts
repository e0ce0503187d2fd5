import { requireSimLayout } from '../state/simRoot.js';
import { stepMs } from '../state/smfStore.js';
import { svcadm } from '../tools/svcadm/svcadm.js';
import { simNow } from '../tools/svcs/clock.js';
import { runMain } from './runMain.js';

runMain(() =>
  svcadm(process.argv.slice(2), {
    layout: () => requireSimLayout(process.env),
    now: () => simNow(),
    stepMs: stepMs(process.env),
  }),
);
