// `smartos-sim`: sets up and resets the state directory of the simulated host.
import { isSimProfile, simProfiles } from '../seed/profiles.js';
import { readSimMeta } from '../state/hostStore.js';
import { initSim, SimInitError } from '../state/initState.js';
import { simLayout } from '../state/layout.js';
import { isSimInitialised, SIM_ROOT_ENV } from '../state/simRoot.js';
import { ToolOutput, type ToolResult } from '../tools/toolResult.js';
import { bootHost } from './bootHost.js';
import { faultDisk } from './faultDisk.js';
import { IMGAPI_USAGE, imgapiCli } from './imgapiCli.js';
import { sshdCli } from './sshdCli.js';

const USAGE = [
  'Usage: smartos-sim <command> [options]',
  '',
  `  init --profile <${Object.keys(simProfiles).join('|')}> [--root DIR] [--force]`,
  '      create the state directory of a simulated host (DIR defaults to $SMARTOS_SIM_ROOT)',
  '  reset [--root DIR]',
  '      re-seed the state directory with the profile it was created with',
  '  profiles',
  '      list the seed profiles',
  '  boot [--root DIR]',
  '      start the guests of running kvm/bhyve VMs whose guest is gone (as when the host boots)',
  '  fault-disk <pool> <disk> [--root DIR]',
  "      make a pool's disk fail (UNAVAIL): the pool turns DEGRADED; `zpool online` repairs it",
  ...IMGAPI_USAGE,
  '  sshd [--root DIR]',
  '      run OpenSSH sshd on a loopback port in front of the simulated host (throwaway keys), until Ctrl-C',
];

function usageResult(message: string | undefined, code: number): ToolResult {
  const out = new ToolOutput();
  const print = (l: string): void => (code === 0 ? out.log(l) : out.error(l));
  if (message !== undefined) print(`smartos-sim: ${message}`);
  for (const line of USAGE) print(line);
  return out.result(code);
}

interface CliArgs {
  root?: string;
  profile?: string;
  force: boolean;
}

function parse(args: readonly string[]): CliArgs | string {
  const parsed: CliArgs = { force: false };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i];
    const value = (): string | undefined => {
      i += 1;
      return args[i];
    };
    if (arg === '--force' || arg === '-f') parsed.force = true;
    else if (arg === '--root') parsed.root = value();
    else if (arg?.startsWith('--root=')) parsed.root = arg.slice('--root='.length);
    else if (arg === '--profile' || arg === '-p') parsed.profile = value();
    else if (arg?.startsWith('--profile=')) parsed.profile = arg.slice('--profile='.length);
    else return `unexpected argument "${String(arg)}"`;
  }
  return parsed;
}

export async function simCli(argv: readonly string[], env: NodeJS.ProcessEnv): Promise<ToolResult> {
  const [command, ...rest] = argv;
  if (command === undefined) return usageResult(undefined, 2);
  if (command === 'help' || command === '-h' || command === '--help') return usageResult(undefined, 0);
  const out = new ToolOutput();
  if (command === 'profiles') {
    for (const [name, p] of Object.entries(simProfiles)) out.log(`${name.padEnd(8)}  ${p.description}`);
    return out.result(0);
  }
  if (command === 'fault-disk') return faultDiskCommand(rest, env);
  if (command === 'boot') return bootCommand(rest, env);
  if (command === 'imgapi') return imgapiCli(rest, env);
  if (command === 'sshd') {
    const parsed = parse(rest);
    if (typeof parsed === 'string') return usageResult(parsed, 2);
    const root = parsed.root ?? env[SIM_ROOT_ENV];
    if (root === undefined || root === '' || !isSimInitialised(root))
      return usageResult(`no initialised state directory: pass --root DIR or set ${SIM_ROOT_ENV}`, 2);
    return sshdCli(root, (line) => process.stdout.write(`${line}\n`));
  }
  if (command !== 'init' && command !== 'reset') return usageResult(`unknown command "${command}"`, 2);

  const args = parse(rest);
  if (typeof args === 'string') return usageResult(args, 2);
  const root = args.root ?? env[SIM_ROOT_ENV];
  if (root === undefined || root === '')
    return usageResult(`no state directory: pass --root DIR or set ${SIM_ROOT_ENV}`, 2);

  let profile: string;
  if (command === 'reset') {
    if (!isSimInitialised(root))
      return usageResult(`${root} is not an initialised simulator state directory`, 2);
    profile = readSimMeta(simLayout(root)).profile;
  } else {
    if (args.profile === undefined) return usageResult('init needs --profile', 2);
    profile = args.profile;
  }
  if (!isSimProfile(profile)) return usageResult(`unknown profile "${profile}"`, 2);

  try {
    await initSim({ root, profile, force: command === 'reset' || args.force });
  } catch (err) {
    if (err instanceof SimInitError) {
      out.error(`smartos-sim: ${err.message}`);
      return out.result(1);
    }
    throw err;
  }
  out.log(`${command === 'reset' ? 'Reset' : 'Initialised'} simulated host "${profile}" in ${root}`);
  return out.result(0);
}

async function faultDiskCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ToolResult> {
  const rootAt = args.indexOf('--root');
  const root = rootAt >= 0 ? args[rootAt + 1] : env[SIM_ROOT_ENV];
  const [pool, disk] = args.filter((_a, i) => rootAt < 0 || (i !== rootAt && i !== rootAt + 1));
  if (pool === undefined || disk === undefined) return usageResult('fault-disk needs <pool> <disk>', 2);
  if (root === undefined || root === '' || !isSimInitialised(root))
    return usageResult(`no initialised state directory: pass --root DIR or set ${SIM_ROOT_ENV}`, 2);
  return faultDisk(simLayout(root), pool, disk);
}

async function bootCommand(args: readonly string[], env: NodeJS.ProcessEnv): Promise<ToolResult> {
  const parsed = parse(args);
  if (typeof parsed === 'string') return usageResult(parsed, 2);
  const root = parsed.root ?? env[SIM_ROOT_ENV];
  if (root === undefined || root === '' || !isSimInitialised(root))
    return usageResult(`no initialised state directory: pass --root DIR or set ${SIM_ROOT_ENV}`, 2);
  return bootHost(simLayout(root), env);
}
