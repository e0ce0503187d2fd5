import { simCli } from '../admin/simCli.js';
import { runMain } from './runMain.js';

runMain(() => simCli(process.argv.slice(2), process.env));
