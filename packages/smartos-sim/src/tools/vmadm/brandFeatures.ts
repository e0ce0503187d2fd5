// BRAND_OPTIONS[brand].features from smartos-live proptable.js: the parts vmadm create,
// update and info depend on.
import type { Brand } from './payloadProps.js';

export type VmType = 'OS' | 'LX' | 'KVM' | 'BHYVE';

export interface BrandFeatures {
  type: VmType;
  /** memory above ram added to max_physical_memory */
  defaultMemoryOverhead?: number;
  minMemoryOverhead?: number;
  limitPriv?: string[];
  /** vnic interfaces are named <prefix>N */
  interfacePrefix: string;
  zonerootImageTypes: string[];
  runtimeInfo?: string[];
  useTmpfs: boolean;
}

const HVM_LIMIT_PRIV = [
  'default',
  '-file_link_any',
  '-net_access',
  '-proc_fork',
  '-proc_info',
  '-proc_session',
];
const OS_ZONE: BrandFeatures = {
  type: 'OS',
  interfacePrefix: 'net',
  zonerootImageTypes: ['zone-dataset'],
  useTmpfs: true,
};

export const BRAND_FEATURES: Record<Brand, BrandFeatures> = {
  bhyve: {
    type: 'BHYVE',
    defaultMemoryOverhead: 1024 + 256,
    minMemoryOverhead: 256,
    limitPriv: HVM_LIMIT_PRIV,
    interfacePrefix: 'net',
    zonerootImageTypes: ['zone-dataset'],
    runtimeInfo: ['all', 'vnc'],
    useTmpfs: false,
  },
  builder: OS_ZONE,
  joyent: OS_ZONE,
  'joyent-minimal': OS_ZONE,
  kvm: {
    type: 'KVM',
    defaultMemoryOverhead: 1024,
    minMemoryOverhead: 256,
    limitPriv: HVM_LIMIT_PRIV,
    interfacePrefix: 'net',
    zonerootImageTypes: ['zone-dataset'],
    runtimeInfo: [
      'all',
      'block',
      'blockstats',
      'chardev',
      'cpus',
      'kvm',
      'pci',
      'spice',
      'status',
      'version',
      'vnc',
    ],
    useTmpfs: false,
  },
  lx: {
    type: 'LX',
    interfacePrefix: 'eth',
    zonerootImageTypes: ['docker', 'lx-dataset'],
    useTmpfs: true,
  },
};

export function isHvm(brand: string): boolean {
  return brand === 'kvm' || brand === 'bhyve';
}
