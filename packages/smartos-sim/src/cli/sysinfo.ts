import { requireSimLayout } from '../state/simRoot.js';
import { sysinfo } from '../tools/sysinfo.js';
import { runMain } from './runMain.js';

runMain(() => sysinfo(process.argv.slice(2), { layout: () => requireSimLayout(process.env) }));
