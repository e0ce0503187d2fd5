import { requireSimLayout } from '../state/simRoot.js';
import { dladm } from '../tools/dladm/dladm.js';
import { runMain } from './runMain.js';

runMain(() => dladm(process.argv.slice(2), { layout: () => requireSimLayout(process.env) }));
