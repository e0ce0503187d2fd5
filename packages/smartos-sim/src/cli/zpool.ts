import { requireSimLayout } from '../state/simRoot.js';
import { zpool } from '../tools/zpool/zpool.js';
import { runMain } from './runMain.js';

runMain(() => zpool(process.argv.slice(2), { layout: () => requireSimLayout(process.env) }));
