import { requireSimLayout } from '../state/simRoot.js';
import { simNow } from '../tools/svcs/clock.js';
import { svcs } from '../tools/svcs/svcs.js';
import { runMain } from './runMain.js';

runMain(() => svcs(process.argv.slice(2), { layout: () => requireSimLayout(process.env), now: simNow() }));
