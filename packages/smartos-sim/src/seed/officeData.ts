// The example office host's data, straight from the fixtures (real-format SmartOS output):
// sysinfo and the four `vmadm get` samples. office.ts builds the profile from these.
import { asJsonObject, type JsonObject, type VmObject } from '../state/json.js';
import sysinfoJson from './fixtures/sysinfo.json' with { type: 'json' };
import sambaJson from './fixtures/vmadm-get-joyent-delegated.json' with { type: 'json' };
import dhcpJson from './fixtures/vmadm-get-joyent.json' with { type: 'json' };
import elkJson from './fixtures/vmadm-get-kvm-elk.json' with { type: 'json' };
import ocsInventoryJson from './fixtures/vmadm-get-kvm.json' with { type: 'json' };

export const officeSysinfo: JsonObject = asJsonObject(sysinfoJson, 'sysinfoJson');
export const dhcpVm: VmObject = asJsonObject(dhcpJson, 'dhcpJson');
export const sambaVm: VmObject = asJsonObject(sambaJson, 'sambaJson');
export const ocsInventoryVm: VmObject = asJsonObject(ocsInventoryJson, 'ocsInventoryJson');
export const elkVm: VmObject = asJsonObject(elkJson, 'elkJson');
