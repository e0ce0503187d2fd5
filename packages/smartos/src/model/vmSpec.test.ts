import { describe, expect, it } from 'vitest';

import { VmSpec, vmSpecToPayload } from './vmSpec.js';

const BASE64 = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const zone = {
  brand: 'joyent',
  alias: 'web',
  image_uuid: BASE64,
  ram: 512,
  quota: 20,
  nics: [{ nic_tag: 'admin', ip: '192.168.1.20', netmask: '255.255.255.0', gateway: '192.168.1.1' }],
};

function fieldErrors(input: unknown): Record<string, string[]> {
  const r = VmSpec.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const issue of r.error.issues) (out[issue.path.join('.')] ??= []).push(issue.message);
  return out;
}

describe('VmSpec', () => {
  it('turns a zone spec into vmadm JSON with max_physical_memory and ips in CIDR form', () => {
    expect(vmSpecToPayload(VmSpec.parse(zone))).toEqual({
      brand: 'joyent',
      alias: 'web',
      image_uuid: BASE64,
      max_physical_memory: 512,
      quota: 20,
      nics: [{ nic_tag: 'admin', ips: ['192.168.1.20/24'], gateways: ['192.168.1.1'], primary: true }],
    });
  });

  it('turns a kvm spec into ram, vcpus and a boot disk from the image', () => {
    const spec = VmSpec.parse({
      brand: 'kvm',
      alias: 'db',
      ram: 1024,
      disks: [{ image_uuid: BASE64 }, { size: 10240 }],
      nics: [{ nic_tag: 'admin', ip: 'dhcp' }],
    });
    expect(vmSpecToPayload(spec)).toEqual({
      brand: 'kvm',
      alias: 'db',
      ram: 1024,
      vcpus: 1,
      disks: [
        { image_uuid: BASE64, boot: true, model: 'virtio' },
        { size: 10240, boot: false, model: 'virtio' },
      ],
      nics: [{ nic_tag: 'admin', ips: ['dhcp'], model: 'virtio', primary: true }],
    });
  });

  it('names the field of each bad value', () => {
    expect(fieldErrors({ ...zone, ram: 0 })).toEqual({ ram: ['at least 64 MiB'] });
    expect(fieldErrors({ ...zone, alias: 'x'.repeat(300) })).toEqual({ alias: ['at most 64 characters'] });
    expect(fieldErrors({ ...zone, nics: [{ ...zone.nics[0], gateway: '10.0.0.1' }] })).toEqual({
      'nics.0.gateway': ['the gateway is outside the netmask of the IP'],
    });
    expect(fieldErrors({ ...zone, image_uuid: undefined })).toEqual({ image_uuid: ['choose an image'] });
    expect(fieldErrors({ ...zone, nics: [{ nic_tag: 'admin', ip: '10.0.0.5' }] })).toEqual({
      'nics.0.netmask': ['a static IP needs a netmask'],
    });
    expect(fieldErrors({ ...zone, alias: 'a\nb' })).toEqual({ alias: ['no control characters'] });
  });
});
