// The simulated vmadm(8): dispatch as in smartos-live src/vm/sbin/vmadm.js main().
import { readAllVms, readVm, zoneadmOrder } from '../../state/vmStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { parseArgs, type OptionSpec, type ParsedArgs } from './args.js';
import { envOf, type VmadmContext } from './context.js';
import { vmadmCreate } from './create.js';
import { vmadmDelete } from './delete.js';
import { vmadmEvents } from './events.js';
import { vmadmGet } from './get.js';
import { parseInfoArgs, vmadmInfo } from './info.js';
import { vmadmList } from './list.js';
import { vmadmLookup } from './lookup.js';
import { BadRegexError } from './matcher.js';
import { checkStartArgs, vmadmReboot, vmadmStart, vmadmStop } from './power.js';
import { vmadmCreateSnapshot, vmadmDeleteSnapshot, vmadmRollbackSnapshot } from './snapshots.js';
import { vmadmUpdate } from './update.js';
import { usage, usageExit, UsageExit } from './usage.js';
import { getUuid } from './uuidArg.js';
import { vmadmValidate } from './validateCmd.js';

export type { VmadmContext } from './context.js';

const COMMANDS = [
  'start',
  'boot',
  'console',
  'create',
  'create-snapshot',
  'delete',
  'destroy',
  'delete-snapshot',
  'events',
  'stop',
  'halt',
  'help',
  'info',
  'install',
  'get',
  'json',
  'list',
  'kill',
  'lookup',
  'reboot',
  'receive',
  'recv',
  'reprovision',
  'rollback-snapshot',
  'send',
  'sysrq',
  'update',
  'validate',
];

/** addCommandOptions(): the options each command knows (plus -v and -d everywhere). */
function optionsFor(command: string): OptionSpec {
  const spec: OptionSpec = {
    known: { verbose: 'boolean', debug: 'boolean' },
    shorts: { v: ['verbose', 'true'], d: ['debug', 'true'] },
  };
  const add = (
    long: string,
    type: 'boolean' | 'string' | 'number',
    short?: string,
    implied?: string,
  ): void => {
    spec.known[long] = type;
    if (short !== undefined) spec.shorts[short] = [long, implied];
  };
  switch (command) {
    case 'events':
      add('full', 'boolean', 'f');
      add('json', 'boolean', 'j');
      add('ready', 'boolean', 'r');
      break;
    case 'lookup':
      add('json', 'boolean', 'j');
      add('output', 'string', 'o');
      add('unique', 'boolean', '1');
      break;
    case 'kill':
      add('signal', 'string', 's');
      break;
    case 'create':
    case 'receive':
    case 'recv':
    case 'reprovision':
    case 'update':
    case 'validate':
      spec.shorts.f = ['file'];
      break;
    case 'list':
      add('order', 'string', 'o');
      add('sortby', 'string', 's');
      add('parsable', 'boolean', 'p', 'true');
      add('header', 'boolean', 'h', 'true');
      spec.shorts.H = ['header', 'false'];
      break;
    case 'halt':
    case 'reboot':
    case 'stop':
      add('timeout', 'number', 't');
      add('force', 'boolean', 'F', 'true');
      break;
    default:
      break;
  }
  return spec;
}

/** The snapshot name operand of create/rollback/delete-snapshot: exactly one. */
function snapName(command: string, parsed: ParsedArgs): string {
  const [name] = parsed.remain;
  if (parsed.remain.length !== 1 || name === undefined)
    usageExit(`Wrong number of parameters to "${command}"`);
  return name;
}

/** getUUID(command, parsed, {optional: true}): absent is fine, malformed is not. */
function optionalUuid(command: string, parsed: ParsedArgs): string | undefined {
  return parsed.remain.length === 0 ? undefined : getUuid(command, parsed);
}

function notSimulated(command: string): ToolResult {
  const out = new ToolOutput();
  out.error(`smartos-sim: vmadm ${command} is not simulated yet`);
  return out.result(1);
}

async function run(argv: readonly string[], ctx: VmadmContext): Promise<ToolResult> {
  const command = argv[0];
  if (command === undefined) return usage();
  if (command === '-h' || command === '-?') return usage(undefined, 0);
  if (!COMMANDS.includes(command)) return usage(`Invalid command: "${command}".`);

  const parsed = parseArgs(argv.slice(1), optionsFor(command));
  const loadVms = () => {
    const layout = ctx.layout();
    return zoneadmOrder(readAllVms(layout));
  };

  const env = envOf(ctx);
  switch (command) {
    case 'help':
      return usage(undefined, 0);
    case 'start':
    case 'boot': {
      const uuid = getUuid(command, parsed);
      checkStartArgs(parsed.remain);
      return vmadmStart(ctx.layout(), uuid, env);
    }
    case 'halt':
    case 'stop': {
      const uuid = getUuid('stop', parsed);
      return vmadmStop(ctx.layout(), uuid, parsed.values.get('force') === true, env);
    }
    case 'reboot': {
      const uuid = getUuid(command, parsed);
      return vmadmReboot(ctx.layout(), uuid, parsed.values.get('force') === true, env);
    }
    case 'get':
    case 'json': {
      const uuid = getUuid(command, parsed);
      return vmadmGet(uuid, readVm(ctx.layout(), uuid));
    }
    case 'list':
      return vmadmList(parsed, loadVms);
    case 'lookup':
      return vmadmLookup(parsed, loadVms);
    case 'create':
      return vmadmCreate(parsed, ctx);
    case 'delete':
    case 'destroy': {
      const uuid = getUuid(command, parsed);
      return vmadmDelete(ctx.layout(), uuid, env);
    }
    case 'update': {
      const uuid = getUuid(command, parsed);
      return vmadmUpdate(uuid, parsed, ctx);
    }
    case 'validate':
      return vmadmValidate(parsed, ctx);
    case 'info': {
      const uuid = getUuid(command, parsed);
      return vmadmInfo(ctx.layout(), uuid, parseInfoArgs(parsed.remain));
    }
    case 'events':
      return vmadmEvents(parsed, optionalUuid(command, parsed), ctx);
    case 'create-snapshot': {
      const uuid = getUuid(command, parsed);
      return vmadmCreateSnapshot(ctx.layout(), uuid, snapName(command, parsed), env);
    }
    case 'rollback-snapshot': {
      const uuid = getUuid(command, parsed);
      return vmadmRollbackSnapshot(ctx.layout(), uuid, snapName(command, parsed), env);
    }
    case 'delete-snapshot': {
      const uuid = getUuid(command, parsed);
      return vmadmDeleteSnapshot(ctx.layout(), uuid, snapName(command, parsed), env);
    }
    default:
      return notSimulated(command);
  }
}

/** Runs `vmadm <argv...>` against the simulated host. */
export async function vmadm(argv: readonly string[], ctx: VmadmContext): Promise<ToolResult> {
  try {
    return await run(argv, ctx);
  } catch (err) {
    if (err instanceof UsageExit) return err.result;
    if (err instanceof BadRegexError) {
      const out = new ToolOutput();
      out.error(`SyntaxError: ${err.message}`);
      return out.result(1);
    }
    throw err;
  }
}
