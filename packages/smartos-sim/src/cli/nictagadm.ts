import { requireSimLayout } from '../state/simRoot.js';
import { nictagadm } from '../tools/nictagadm.js';
import { runMain } from './runMain.js';

runMain(() => nictagadm(process.argv.slice(2), { layout: () => requireSimLayout(process.env) }));
