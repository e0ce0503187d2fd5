import { requireSimLayout } from '../state/simRoot.js';
import { zfs } from '../tools/zfs/zfs.js';
import { runMain } from './runMain.js';

runMain(() => zfs(process.argv.slice(2), { layout: () => requireSimLayout(process.env) }));
