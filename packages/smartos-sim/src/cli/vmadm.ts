import { requireSimLayout } from '../state/simRoot.js';
import { vmadm } from '../tools/vmadm/vmadm.js';
import { runMain } from './runMain.js';

runMain(() => vmadm(process.argv.slice(2), { layout: () => requireSimLayout(process.env) }));
