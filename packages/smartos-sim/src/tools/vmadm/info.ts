// `vmadm info <uuid> [type,...]` (VM.info via vmadmd): runtime facts of a running kvm or
// bhyve guest. Only `vnc` (the VNC listener vmadmd proxies to <zonepath>/root/tmp/vm.vnc)
// and a few kvm types carry data; errors as VM.js words them.
import { createHash } from 'node:crypto';

import { readHost } from '../../state/hostStore.js';
import { isJsonObject, jsString, type JsonObject, type VmObject } from '../../state/json.js';
import type { SimLayout } from '../../state/layout.js';
import { readVm } from '../../state/vmStore.js';
import { ToolOutput, type ToolResult } from '../toolResult.js';
import { BRAND_FEATURES } from './brandFeatures.js';
import { isBrand } from './payloadProps.js';
import { NOT_FOUND_404, printed } from './printed.js';

/** vmadm.js parseInfoArgs(): comma lists, default all. */
export function parseInfoArgs(args: readonly string[]): string[] {
  const types = args.flatMap((a) => a.split(','));
  return types.length === 0 ? ['all'] : types;
}

/** The port vmadmd picked for this boot when vnc_port is 0 (random, stable per boot). */
function randomPort(vm: VmObject): number {
  const digest = createHash('sha1')
    .update(`${jsString(vm.uuid)}:${jsString(vm.boot_timestamp)}`)
    .digest();
  return 10000 + (digest.readUInt32BE(0) % 50000);
}

function vncInfo(layout: SimLayout, vm: VmObject): JsonObject {
  const port = typeof vm.vnc_port === 'number' ? vm.vnc_port : 0;
  if (port === -1) return {};
  const out: JsonObject = { host: jsString(readHost(layout)['Admin IP'] ?? '127.0.0.1') };
  out.port = port > 0 ? port : randomPort(vm);
  if (out.port >= 5900) out.display = out.port - 5900;
  if (typeof vm.vnc_password === 'string' && vm.vnc_password !== '') out.password = vm.vnc_password;
  return out;
}

function kvmInfo(layout: SimLayout, vm: VmObject, type: string): JsonObject | string {
  switch (type) {
    case 'vnc':
      return vncInfo(layout, vm);
    case 'status':
      return 'running';
    case 'version':
      return { qemu: '0.14.1', package: ' (qemu-kvm-devel)' };
    case 'cpus':
      return Array.from({ length: typeof vm.vcpus === 'number' ? vm.vcpus : 1 }, (_, cpu) => ({
        cpu,
        pc: '0xffffffff81052bd6',
        halted: true,
        thread_id: (typeof vm.pid === 'number' ? vm.pid : 1000) + 3 + cpu,
      })).reduce<JsonObject>((o, c, i) => ({ ...o, [jsString(i)]: c }), {});
    case 'chardev':
      return {
        serial0: `unix:${jsString(vm.zonepath)}/root/tmp/vm.console,server`,
        serial1: `unix:${jsString(vm.zonepath)}/root/tmp/vm.ttyb,server`,
      };
    case 'block':
      return (Array.isArray(vm.disks) ? vm.disks.filter(isJsonObject) : []).reduce<JsonObject>(
        (o, d, i) => ({
          ...o,
          [`virtio${i}`]: { removable: 0, file: jsString(d.path), ro: 0, drv: 'raw', encrypted: 0 },
        }),
        {},
      );
    default:
      return {};
  }
}

export function vmadmInfo(layout: SimLayout, uuid: string, types: readonly string[]): ToolResult {
  const fail = (why: string): ToolResult => printed(`Unable to get VM info for VM ${uuid}: ${why}`);
  const vm = readVm(layout, uuid);
  if (vm === undefined) return fail(NOT_FOUND_404);
  if (vm.state !== 'running' && vm.state !== 'stopping')
    return fail(
      `Unable to get info for vm from state "${jsString(vm.state)}", must be "running" or "stopping".`,
    );
  const brand = vm.brand;
  const runtime = isBrand(brand) ? BRAND_FEATURES[brand].runtimeInfo : undefined;
  if (runtime === undefined) return fail(`no info types supported for brand ${jsString(brand)}`);
  const bad = types.find((t) => !runtime.includes(t));
  if (bad !== undefined) return fail(`unknown info type ${bad}`);
  const wanted = types.includes('all') ? runtime.filter((t) => t !== 'all' && t !== 'spice') : [...types];
  const data: JsonObject = {};
  for (const type of wanted) data[type] = kvmInfo(layout, vm, type);
  const out = new ToolOutput();
  out.log(JSON.stringify(data, null, 2));
  return out.result(0);
}
