// The simulated zlogin(1): into a zone of the simulated host (illumos zlogin.c's modes and
// messages): interactive login when stdin is a terminal, non-interactive with a command or piped
// stdin, the console with -C. The zone's "root" is <zonepath>/root (see zone/zoneRoot.ts).
import { jsString, type VmObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { readAllVms, readVm } from '../../state/vmStore.js';
import { ensureZoneRoot } from '../../zone/zoneRoot.js';
import { consoleLogin } from './consoleLogin.js';
import { interactiveLogin } from './interactiveLogin.js';
import { parseZloginArgs, ZLOGIN_USAGE, ZloginUsageError } from './zloginArgs.js';
import type { ZloginIo } from './zloginIo.js';
import { runInZone } from './zoneCommand.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The zone by zonename (on SmartOS the uuid). */
function findZone(layout: SimLayout, name: string): VmObject | undefined {
  if (UUID.test(name)) {
    const vm = readVm(layout, name);
    if (vm !== undefined) return vm;
  }
  return readAllVms(layout).find((vm) => vm.zonename === name);
}

export async function zlogin(
  argv: readonly string[],
  layout: () => SimLayout,
  io: ZloginIo,
): Promise<number> {
  let args;
  try {
    args = parseZloginArgs(argv);
  } catch (err) {
    if (!(err instanceof ZloginUsageError)) throw err;
    if (err.detail !== undefined) io.stderr.write(`zlogin: ${err.detail}\n`);
    io.stderr.write(`${ZLOGIN_USAGE}\n`);
    return 2;
  }
  if (args.zone === 'global') {
    io.stderr.write("zlogin: 'zlogin' not applicable to the global zone\n");
    return 1;
  }
  const vm = findZone(layout(), args.zone);
  const zoneState = vm === undefined ? undefined : jsString(vm.zone_state);
  if (vm === undefined || zoneState === 'configured' || zoneState === 'incomplete') {
    io.stderr.write(
      vm === undefined
        ? `zlogin: zone '${args.zone}' unknown\n`
        : `zlogin: cannot login to a zone which is '${zoneState}'\n`,
    );
    return 1;
  }
  const opts = { quiet: args.quiet, cmdchar: args.cmdchar };
  if (args.console) return consoleLogin(args.zone, vm, io, opts);
  if (zoneState !== 'running') {
    io.stderr.write(`zlogin: login allowed only to running zones (${args.zone} is '${zoneState}').\n`);
    return 1;
  }
  const zone = ensureZoneRoot(vm);
  if (args.command.length === 0 && io.stdin.isTTY === true)
    return interactiveLogin(args.zone, zone, io, opts);
  return runInZone(zone, args.command, io);
}
