/**
 * HostDriver: typed SmartOS operations on one host. Each operation is
 * argv builder → runTool (exec + stderr classification) → pure parser → model.
 * It knows command lines and output formats, never HTTP or users.
 */
import type { HostSummary } from './model/host.js';
import type { VmSummary } from './model/vm.js';
import type { VmadmVm } from './parsers/vmadmGet.js';
import { rowToVmSummary } from './parsers/vmSummary.js';
import { sysinfo } from './tools/sysinfo.js';
import type { ActionResult, CallOptions, ToolContext } from './tools/tool.js';
import { vmadmGet, vmadmList, vmadmReboot, vmadmStart, vmadmStop } from './tools/vmadm.js';
import type { Transport } from './transport/transport.js';

/** Per-operation options: every operation can be cancelled and has its own time limit. */
export interface OperationOptions {
  signal?: AbortSignal;
  /** Overrides the driver's default for this kind of operation. */
  timeoutMs?: number;
}

export interface StopOptions extends OperationOptions {
  /** `-F`: stop without waiting for the guest to shut down. */
  force?: boolean;
}

export type RebootOptions = StopOptions;

export interface HostDriver {
  readonly transport: Transport;
  hostSummary(opts?: OperationOptions): Promise<HostSummary>;
  listVms(opts?: OperationOptions): Promise<VmSummary[]>;
  /** The full VM object as vmadm prints it. VmNotFound when the host has no such VM. */
  getVm(uuid: string, opts?: OperationOptions): Promise<VmadmVm>;
  /** Starting a running VM succeeds (vmadm says it is already running). */
  startVm(uuid: string, opts?: OperationOptions): Promise<ActionResult>;
  /** Stopping a stopped VM succeeds (vmadm says it is already not running). */
  stopVm(uuid: string, opts?: StopOptions): Promise<ActionResult>;
  rebootVm(uuid: string, opts?: RebootOptions): Promise<ActionResult>;
}

export interface HostDriverTimeouts {
  /** Reads: sysinfo, vmadm list/get. */
  read: number;
  /** Power operations: start, stop, reboot (vmadm waits for the zone). */
  power: number;
}

export const DEFAULT_TIMEOUTS: Readonly<HostDriverTimeouts> = { read: 30_000, power: 300_000 };

export interface HostDriverOptions {
  /** Command names or absolute paths. Default: bare names, found on the host's PATH. */
  commands?: Partial<Record<'vmadm' | 'sysinfo', string>>;
  timeouts?: Partial<HostDriverTimeouts>;
}

/** The `vmadm list` fields listVms reads. alias is last: it is the one that may contain ':'. */
export const LIST_VMS_FIELDS = [
  'uuid',
  'type',
  'brand',
  'state',
  'ram',
  'cpu_cap',
  'quota',
  'image_uuid',
  'alias',
] as const;

export function createHostDriver(transport: Transport, opts: HostDriverOptions = {}): HostDriver {
  const timeouts: HostDriverTimeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const vmadmCtx: ToolContext = { transport, command: opts.commands?.vmadm ?? 'vmadm' };
  const sysinfoCtx: ToolContext = { transport, command: opts.commands?.sysinfo ?? 'sysinfo' };
  const call = (o: OperationOptions | undefined, kind: keyof HostDriverTimeouts): CallOptions => ({
    timeoutMs: o?.timeoutMs ?? timeouts[kind],
    ...(o?.signal !== undefined && { signal: o.signal }),
  });

  return {
    transport,
    hostSummary: (o) => sysinfo(sysinfoCtx, call(o, 'read')),
    listVms: (o) =>
      vmadmList(vmadmCtx, { fields: LIST_VMS_FIELDS, sort: ['alias'] }, call(o, 'read'), rowToVmSummary),
    getVm: (uuid, o) => vmadmGet(vmadmCtx, uuid, call(o, 'read')),
    startVm: (uuid, o) => vmadmStart(vmadmCtx, uuid, call(o, 'power')),
    stopVm: (uuid, o) => vmadmStop(vmadmCtx, uuid, { force: o?.force ?? false }, call(o, 'power')),
    rebootVm: (uuid, o) => vmadmReboot(vmadmCtx, uuid, { force: o?.force ?? false }, call(o, 'power')),
  };
}
