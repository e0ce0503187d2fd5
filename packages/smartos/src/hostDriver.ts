/**
 * HostDriver: typed SmartOS operations on one host. Each operation is
 * argv builder → runTool (exec + stderr classification) → pure parser → model.
 * It knows command lines and output formats, never HTTP or users.
 */
import type { HostSummary } from './model/host.js';
import type {
  ImageImportEvent,
  ImageInfo,
  ImageManifest,
  ImageSource,
  ImageSourceChange,
} from './model/image.js';
import type { ArcStats } from './model/kstat.js';
import type { NicTag, PhysLink, Vnic } from './model/network.js';
import type { SmfExplanation, SmfService } from './model/smf.js';
import type { VmSummary } from './model/vm.js';
import { vmSpecToPayload, type VmSpec } from './model/vmSpec.js';
import type { ZfsDataset } from './model/zfs.js';
import type { PoolListEntry, PoolStatus } from './model/zpool.js';
import type { VmadmVm } from './parsers/vmadmGet.js';
import { byAlias, LIST_VMS_FIELDS, vmObjectToSummary } from './parsers/vmSummary.js';
import { dladmShowPhys, dladmShowVnic } from './tools/dladm.js';
import {
  imgadmAvail,
  imgadmDelete,
  imgadmGet,
  imgadmImport,
  imgadmList,
  imgadmSources,
  imgadmSourcesChange,
} from './tools/imgadm.js';
import { arcStats } from './tools/kstat.js';
import { nictagadmList } from './tools/nictagadm.js';
import { svcadm, svcs, svcsExplain, type SvcadmAction } from './tools/svcs.js';
import { sysinfo } from './tools/sysinfo.js';
import type { ActionResult, CallOptions, ToolContext } from './tools/tool.js';
import {
  vmadmCreate,
  vmadmDelete,
  vmadmGet,
  vmadmInfo,
  vmadmLookupJson,
  vmadmReboot,
  vmadmSnapshot,
  vmadmStart,
  vmadmStop,
  vmadmUpdate,
  vmadmValidateCreate,
  type VmadmPayload,
} from './tools/vmadm.js';
import { vmadmEvents, type VmEventStream, type VmEventStreamHandlers } from './tools/vmadmEvents.js';
import { zfsList } from './tools/zfs.js';
import { zpoolList, zpoolScrub, zpoolStatus } from './tools/zpool.js';
import type { Transport } from './transport/transport.js';

/** Where a guest's consoles are, read from its zonepath and brand (REFERENCE 1.8). */
export interface ConsoleEndpoints {
  brand: string;
  /** The VNC unix socket (kvm and bhyve), or null. */
  vnc: string | null;
  /** The first serial port's unix socket (kvm), or null when it is the zone console (bhyve). */
  serial: string | null;
  /** argv of the zone console (`zlogin -C`), used for bhyve serial and OS zone consoles. */
  zoneConsole: string[];
  /** argv of a shell in the zone (`zlogin <uuid>`), for OS and LX zones. */
  shell: string[];
}

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
  /**
   * Runs `vmadm events -jr` until stopped, each line parsed (REFERENCE 1.9); `end` says how it
   * ended. Rejects as exec does when it cannot start (e.g. CommandNotFound).
   */
  watchVmEvents(handlers: VmEventStreamHandlers): Promise<VmEventStream>;
  /** The full VM object as vmadm prints it. VmNotFound when the host has no such VM. */
  getVm(uuid: string, opts?: OperationOptions): Promise<VmadmVm>;
  /** Starting a running VM succeeds (vmadm says it is already running). */
  startVm(uuid: string, opts?: OperationOptions): Promise<ActionResult>;
  /** Stopping a stopped VM succeeds (vmadm says it is already not running). */
  stopVm(uuid: string, opts?: StopOptions): Promise<ActionResult>;
  rebootVm(uuid: string, opts?: RebootOptions): Promise<ActionResult>;
  /** `vmadm validate create`: resolves when the host accepts the payload the spec (plus `extra`) makes. */
  validateVm(spec: VmSpec, opts?: CreateOptions): Promise<ActionResult>;
  /** `vmadm create`; resolves with the new VM's uuid once it has provisioned. */
  createVm(spec: VmSpec, opts?: CreateOptions): Promise<ActionResult & { uuid: string }>;
  /** The exact JSON createVm sends for a spec. */
  createPayload(spec: VmSpec, extra?: VmadmPayload): Record<string, unknown>;
  updateVm(uuid: string, payload: VmadmPayload, opts?: OperationOptions): Promise<ActionResult>;
  deleteVm(uuid: string, opts?: OperationOptions): Promise<ActionResult>;
  createSnapshot(uuid: string, name: string, opts?: OperationOptions): Promise<ActionResult>;
  rollbackSnapshot(uuid: string, name: string, opts?: OperationOptions): Promise<ActionResult>;
  deleteSnapshot(uuid: string, name: string, opts?: OperationOptions): Promise<ActionResult>;
  /** `vmadm info` (running kvm and bhyve guests only). */
  vmInfo(uuid: string, types: readonly string[], opts?: OperationOptions): Promise<Record<string, unknown>>;
  consoleEndpoints(uuid: string, opts?: OperationOptions): Promise<ConsoleEndpoints>;

  listImages(opts?: OperationOptions): Promise<ImageInfo[]>;
  /** The images the sources offer (`imgadm avail -j`). */
  availImages(opts?: OperationOptions): Promise<ImageManifest[]>;
  getImage(uuid: string, opts?: OperationOptions): Promise<ImageInfo>;
  /**
   * `imgadm import` on a terminal, so imgadm draws its download bar; `onEvent` gets each of
   * imgadm's lines and bar draws as they come, the result is all of them.
   */
  importImage(
    uuid: string,
    opts?: OperationOptions & { onEvent?: (event: ImageImportEvent) => void },
  ): Promise<ImageImportEvent[]>;
  deleteImage(uuid: string, opts?: OperationOptions): Promise<{ uuid: string }>;
  imageSources(opts?: OperationOptions): Promise<ImageSource[]>;
  addImageSource(url: string, opts?: OperationOptions): Promise<ImageSourceChange>;
  removeImageSource(url: string, opts?: OperationOptions): Promise<ImageSourceChange>;

  listPools(opts?: OperationOptions): Promise<PoolListEntry[]>;
  /** `zpool status -D`: health, vdev tree, scan state and the dedup table. */
  poolStatus(pool?: string, opts?: OperationOptions): Promise<PoolStatus[]>;
  listDatasets(
    opts?: OperationOptions & { types?: readonly ('filesystem' | 'volume' | 'snapshot')[] },
  ): Promise<ZfsDataset[]>;
  startScrub(pool: string, opts?: OperationOptions): Promise<void>;
  arcStats(opts?: OperationOptions): Promise<ArcStats>;

  physicalNics(opts?: OperationOptions): Promise<PhysLink[]>;
  nicTags(opts?: OperationOptions): Promise<NicTag[]>;
  vnics(opts?: OperationOptions): Promise<Vnic[]>;

  listServices(opts?: OperationOptions): Promise<SmfService[]>;
  explainServices(opts?: OperationOptions): Promise<SmfExplanation[]>;
  changeService(
    action: Exclude<SvcadmAction, 'clear'> | 'clear',
    fmri: string,
    opts?: OperationOptions,
  ): Promise<void>;
}

export interface CreateOptions extends OperationOptions {
  /** Raw vmadm properties an admin adds; they win over the spec's. */
  extra?: VmadmPayload;
}

export interface HostDriverTimeouts {
  /** Reads: sysinfo, vmadm list/get. */
  read: number;
  /** Power operations: start, stop, reboot (vmadm waits for the zone). */
  power: number;
  /** Create, delete and image import: provisioning and downloads take minutes. */
  long: number;
}

export const DEFAULT_TIMEOUTS: Readonly<HostDriverTimeouts> = {
  read: 30_000,
  power: 300_000,
  long: 1_800_000,
};

type Tool =
  | 'vmadm'
  | 'sysinfo'
  | 'imgadm'
  | 'zfs'
  | 'zpool'
  | 'kstat'
  | 'dladm'
  | 'nictagadm'
  | 'svcs'
  | 'svcadm'
  | 'zlogin';

export interface HostDriverOptions {
  /** Command names or absolute paths. Default: bare names, found on the host's PATH. */
  commands?: Partial<Record<Tool, string>>;
  timeouts?: Partial<HostDriverTimeouts>;
}

export { LIST_VMS_FIELDS } from './parsers/vmSummary.js';

export function createHostDriver(transport: Transport, opts: HostDriverOptions = {}): HostDriver {
  const timeouts: HostDriverTimeouts = { ...DEFAULT_TIMEOUTS, ...opts.timeouts };
  const tool = (name: Tool): ToolContext => ({ transport, command: opts.commands?.[name] ?? name });
  const vmadmCtx = tool('vmadm');
  const sysinfoCtx = tool('sysinfo');
  const imgadmCtx = tool('imgadm');
  const svcsCtx = tool('svcs');
  const svcadmCtx = tool('svcadm');
  const zloginCommand = opts.commands?.zlogin ?? 'zlogin';
  const createPayload = (spec: VmSpec, extra: VmadmPayload = {}) => ({ ...vmSpecToPayload(spec), ...extra });
  const call = (o: OperationOptions | undefined, kind: keyof HostDriverTimeouts): CallOptions => ({
    timeoutMs: o?.timeoutMs ?? timeouts[kind],
    ...(o?.signal !== undefined && { signal: o.signal }),
  });

  return {
    transport,
    hostSummary: (o) => sysinfo(sysinfoCtx, call(o, 'read')),
    listVms: async (o) =>
      (await vmadmLookupJson(vmadmCtx, LIST_VMS_FIELDS, call(o, 'read'), vmObjectToSummary)).sort(byAlias),
    watchVmEvents: (handlers) => vmadmEvents(vmadmCtx, handlers),
    getVm: (uuid, o) => vmadmGet(vmadmCtx, uuid, call(o, 'read')),
    startVm: (uuid, o) => vmadmStart(vmadmCtx, uuid, call(o, 'power')),
    stopVm: (uuid, o) => vmadmStop(vmadmCtx, uuid, { force: o?.force ?? false }, call(o, 'power')),
    rebootVm: (uuid, o) => vmadmReboot(vmadmCtx, uuid, { force: o?.force ?? false }, call(o, 'power')),
    validateVm: (spec, o) => vmadmValidateCreate(vmadmCtx, createPayload(spec, o?.extra), call(o, 'read')),
    createVm: (spec, o) => vmadmCreate(vmadmCtx, createPayload(spec, o?.extra), call(o, 'long')),
    createPayload,
    updateVm: (uuid, payload, o) => vmadmUpdate(vmadmCtx, uuid, payload, call(o, 'power')),
    deleteVm: (uuid, o) => vmadmDelete(vmadmCtx, uuid, call(o, 'long')),
    createSnapshot: (uuid, name, o) =>
      vmadmSnapshot(vmadmCtx, 'create-snapshot', uuid, name, call(o, 'power')),
    rollbackSnapshot: (uuid, name, o) =>
      vmadmSnapshot(vmadmCtx, 'rollback-snapshot', uuid, name, call(o, 'power')),
    deleteSnapshot: (uuid, name, o) =>
      vmadmSnapshot(vmadmCtx, 'delete-snapshot', uuid, name, call(o, 'power')),
    vmInfo: (uuid, types, o) => vmadmInfo(vmadmCtx, uuid, types, call(o, 'read')),
    async consoleEndpoints(uuid, o) {
      const vm = await vmadmGet(vmadmCtx, uuid, call(o, 'read'));
      const zonepath = typeof vm.zonepath === 'string' ? vm.zonepath : `/zones/${uuid}`;
      const hvm = vm.brand === 'kvm' || vm.brand === 'bhyve';
      return {
        brand: vm.brand,
        vnc: hvm ? `${zonepath}/root/tmp/vm.vnc` : null,
        serial: vm.brand === 'kvm' ? `${zonepath}/root/tmp/vm.console` : null,
        zoneConsole: [zloginCommand, '-C', uuid],
        shell: [zloginCommand, uuid],
      };
    },

    listImages: (o) => imgadmList(imgadmCtx, call(o, 'read')),
    availImages: (o) => imgadmAvail(imgadmCtx, call(o, 'read')),
    getImage: (uuid, o) => imgadmGet(imgadmCtx, uuid, call(o, 'read')),
    importImage: (uuid, o) =>
      imgadmImport(imgadmCtx, uuid, call(o, 'long'), o?.onEvent ? { onEvent: o.onEvent } : {}),
    deleteImage: (uuid, o) => imgadmDelete(imgadmCtx, uuid, call(o, 'long')),
    imageSources: (o) => imgadmSources(imgadmCtx, call(o, 'read')),
    addImageSource: (url, o) => imgadmSourcesChange(imgadmCtx, 'add', url, call(o, 'read')),
    removeImageSource: (url, o) => imgadmSourcesChange(imgadmCtx, 'delete', url, call(o, 'read')),

    listPools: (o) => zpoolList(tool('zpool'), call(o, 'read')),
    poolStatus: (pool, o) => zpoolStatus(tool('zpool'), call(o, 'read'), pool, { dedup: true }),
    listDatasets: (o) => zfsList(tool('zfs'), { ...(o?.types && { types: o.types }) }, call(o, 'read')),
    startScrub: (pool, o) => zpoolScrub(tool('zpool'), pool, call(o, 'read')),
    arcStats: (o) => arcStats(tool('kstat'), call(o, 'read')),

    physicalNics: (o) => dladmShowPhys(tool('dladm'), call(o, 'read')),
    nicTags: (o) => nictagadmList(tool('nictagadm'), call(o, 'read')),
    vnics: (o) => dladmShowVnic(tool('dladm'), call(o, 'read')),

    listServices: (o) => svcs(svcsCtx, call(o, 'read'), { all: true }),
    explainServices: (o) => svcsExplain(svcsCtx, call(o, 'read')),
    changeService: (action, fmri, o) => svcadm(svcadmCtx, action, fmri, call(o, 'power')),
  };
}
