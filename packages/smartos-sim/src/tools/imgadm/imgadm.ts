// imgadm(8) on the simulated host (smartos-live src/img: cli.js on cmdln + dashdash):
// list, avail, show, get, import, delete, sources. Output streams as it happens (import
// progress); errors print as `imgadm <subcmd>: error (<Code>): <message>` with imgadm's exit
// status (ImageNotInstalled 3, else 1); `-E` prints a Bunyan JSON error record instead.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';

import { SimRootError } from '../../state/simRoot.js';
import { ZfsError } from '../../state/zfsStore.js';
import type { ToolResult } from '../toolResult.js';
import type { ImgadmContext } from './context.js';
import { log } from './context.js';
import { ImgadmError, unknownCommand } from './errors.js';
import { IMGADM_HELP } from './help.js';
import { ClientFailure } from './imgapiClient.js';
import { importCommand } from './import.js';
import { deleteCommand, getCommand, showCommand } from './installedCommands.js';
import { availCommand, listCommand } from './listing.js';
import { sourcesCommand } from './sources.js';

export { type ImgadmContext } from './context.js';

export const IMGADM_VERSION = '3.10.1';

type Command = (argv: readonly string[], ctx: ImgadmContext) => void | Promise<void>;

const COMMANDS: Record<string, Command> = {
  sources: sourcesCommand,
  avail: availCommand,
  show: showCommand,
  list: listCommand,
  get: getCommand,
  import: importCommand,
  delete: deleteCommand,
};

const ALIASES: Record<string, string> = { available: 'avail', info: 'get', destroy: 'delete' };

const UNSUPPORTED = new Set(['install', 'update', 'ancestry', 'vacuum', 'create', 'publish']);

function toImgadmError(err: unknown): ImgadmError {
  if (err instanceof ImgadmError) return err;
  if (err instanceof ClientFailure) return err.toImgadmError();
  if (err instanceof ZfsError) return new ImgadmError('InternalError', err.message);
  throw err;
}

function structuredError(err: ImgadmError): string {
  return JSON.stringify({
    name: 'imgadm',
    hostname: hostname(),
    pid: process.pid,
    req_id: randomUUID(),
    level: 50,
    err: { message: err.message, name: 'ImgadmError', code: err.code, exitStatus: err.exitStatus },
    msg: err.message,
    time: new Date().toISOString(),
    v: 0,
  });
}

/** Runs imgadm with argv (without the program name); output goes to ctx as it happens. */
export async function imgadm(argv: readonly string[], ctx: ImgadmContext): Promise<ToolResult> {
  let i = 0;
  let structured = false;
  for (; i < argv.length; i += 1) {
    const a = argv[i] ?? '';
    if (a === '-E') structured = true;
    else if (a === '-v' || a === '--verbose') continue;
    else if (a === '-h' || a === '--help') {
      log(ctx, IMGADM_HELP);
      return { code: 0, stdout: '', stderr: '' };
    } else if (a === '--version') {
      log(ctx, `imgadm ${IMGADM_VERSION}`);
      return { code: 0, stdout: '', stderr: '' };
    } else if (a.startsWith('-')) {
      ctx.stderr(`imgadm: error (Option): unknown option: "${a}"\n`);
      return { code: 1, stdout: '', stderr: '' };
    } else break;
  }
  const given = argv[i];
  if (given === undefined || given === 'help') {
    log(ctx, IMGADM_HELP);
    return { code: given === undefined ? 1 : 0, stdout: '', stderr: '' };
  }
  const subcmd = ALIASES[given] ?? given;
  try {
    const command = Object.hasOwn(COMMANDS, subcmd) ? COMMANDS[subcmd] : undefined;
    if (command === undefined) {
      if (UNSUPPORTED.has(subcmd))
        throw new ImgadmError('NotSupported', `"${subcmd}" is not supported on the simulated host`);
      throw unknownCommand(given);
    }
    await command(argv.slice(i + 1), ctx);
    return { code: 0, stdout: '', stderr: '' };
  } catch (caught) {
    if (caught instanceof SimRootError) throw caught;
    const err = toImgadmError(caught);
    if (structured) ctx.stderr(`${structuredError(err)}\n`);
    else ctx.stderr(`imgadm ${given}: error (${err.code}): ${err.message}\n`);
    return { code: err.exitStatus, stdout: '', stderr: '' };
  }
}
