import type { VmObject } from '../../state/json.js';

// BRAND_OPTIONS[brand].features.type, cut to the 4 characters of the TYPE column.
const BRAND_TYPES: Record<string, string> = {
  joyent: 'OS',
  'joyent-minimal': 'OS',
  builder: 'OS',
  lx: 'LX',
  kvm: 'KVM',
  bhyve: 'BHYVE'.slice(0, 4),
};

/**
 * vmadm.js addFakeFields(): adds `type` and, for VMs that have no `ram` of their own
 * (everything but kvm and bhyve), `ram` = max_physical_memory. New keys go last.
 */
export function addFakeFields(vm: VmObject): VmObject {
  const brand = typeof vm.brand === 'string' ? vm.brand : '';
  const out: VmObject = {
    ...vm,
    type: (Object.hasOwn(BRAND_TYPES, brand) ? BRAND_TYPES[brand] : undefined) ?? 'OS',
  };
  if (brand !== 'kvm' && brand !== 'bhyve') {
    const mpm = vm.max_physical_memory;
    if (mpm === undefined) delete out.ram;
    else out.ram = mpm;
  }
  return out;
}
