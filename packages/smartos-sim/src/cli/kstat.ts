import { requireSimLayout } from '../state/simRoot.js';
import { kstat } from '../tools/kstat.js';
import { runMain } from './runMain.js';

runMain(() => kstat(process.argv.slice(2), { layout: () => requireSimLayout(process.env) }));
