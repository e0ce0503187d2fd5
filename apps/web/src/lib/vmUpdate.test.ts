import { describe, expect, it } from 'vitest';

import type { VmDetail } from '@zonedeck/api/schemas';

import { buildUpdatePayload, checkEditForm, diffValueText, editFormFromVm, updateDiff } from './vmUpdate';

const zone: VmDetail = {
  uuid: '153831fc-2af9-44c8-9ba5-fad507337cc2',
  brand: 'joyent',
  state: 'running',
  alias: 'samba',
  max_physical_memory: 256,
  quota: 20,
  tags: { role: 'fileserver', tier: 2 },
  customer_metadata: { 'user-script': 'echo hi' },
};

describe('editFormFromVm', () => {
  it('reads the editable properties as text', () => {
    expect(editFormFromVm(zone)).toEqual({
      ram: '256',
      cpuCap: '',
      quota: '20',
      alias: 'samba',
      tags: [
        { key: 'role', value: 'fileserver' },
        { key: 'tier', value: '2' },
      ],
      metadata: [{ key: 'user-script', value: 'echo hi' }],
      nics: [],
    });
  });

  it('reads ram for HVM guests', () => {
    expect(
      editFormFromVm({ uuid: 'u', brand: 'kvm', state: 'stopped', ram: 1024, max_physical_memory: 2048 }).ram,
    ).toBe('1024');
  });
});

describe('checkEditForm', () => {
  const original = editFormFromVm(zone);
  it('accepts the unchanged form', () => {
    expect(checkEditForm(original, original)).toEqual({});
  });

  it('refuses what VmSpec refuses, at the field', () => {
    const errors = checkEditForm(
      { ...original, ram: '0', cpuCap: '7000', quota: '', alias: 'x'.repeat(300) },
      original,
    );
    expect(errors).toEqual({
      ram: 'at least 64 MiB',
      cpuCap: expect.stringContaining('6400') as unknown,
      quota: 'the VM has a quota: give its new size',
      alias: 'at most 64 characters',
    });
    expect(checkEditForm({ ...original, ram: '1.5' }, original).ram).toBe('a whole number of MiB');
    expect(checkEditForm({ ...original, alias: 'a\nb' }, original).alias).toBe('no control characters');
  });

  it('refuses duplicate and nameless tags', () => {
    expect(
      checkEditForm(
        {
          ...original,
          tags: [
            { key: 'a', value: '1' },
            { key: 'a', value: '2' },
          ],
        },
        original,
      ).tags,
    ).toBe('“a” appears twice');
    expect(checkEditForm({ ...original, metadata: [{ key: ' ', value: 'x' }] }, original).metadata).toBe(
      'a metadata key needs a name',
    );
  });
});

describe('buildUpdatePayload', () => {
  const original = editFormFromVm(zone);

  it('is empty when nothing changed', () => {
    expect(buildUpdatePayload('joyent', original, original)).toEqual({});
  });

  it('sends only what changed, tags and metadata as set_/remove_', () => {
    const payload = buildUpdatePayload('joyent', original, {
      ram: '512',
      cpuCap: '150',
      quota: '20',
      alias: 'samba2',
      tags: [
        { key: 'role', value: 'files' },
        { key: 'tier', value: '2' },
        { key: 'new', value: 'yes' },
      ],
      metadata: [],
      nics: [],
    });
    expect(payload).toEqual({
      max_physical_memory: 512,
      cpu_cap: 150,
      alias: 'samba2',
      set_tags: { role: 'files', new: 'yes' },
      remove_customer_metadata: ['user-script'],
    });
  });

  it('uses ram for HVM guests and 0 for a removed CPU cap', () => {
    const before = { ...original, cpuCap: '100' };
    expect(buildUpdatePayload('kvm', before, { ...before, ram: '2048', cpuCap: '' })).toEqual({
      ram: 2048,
      cpu_cap: 0,
    });
  });
});

describe('updateDiff', () => {
  it('shows each property and key before and after', () => {
    const rows = updateDiff(zone, {
      max_physical_memory: 512,
      set_tags: { role: 'files', new: 'yes' },
      remove_customer_metadata: ['user-script'],
    });
    expect(rows).toEqual([
      { property: 'max_physical_memory', before: 256, after: 512 },
      { property: 'tags.role', before: 'fileserver', after: 'files' },
      { property: 'tags.new', before: undefined, after: 'yes' },
      { property: 'customer_metadata.user-script', before: 'echo hi', after: undefined },
    ]);
    expect(rows.map((r) => `${diffValueText(r.before)} → ${diffValueText(r.after)}`)).toEqual([
      '256 → 512',
      '"fileserver" → "files"',
      '(not set) → "yes"',
      '"echo hi" → (not set)',
    ]);
  });
});

describe('NICs in the edit form', () => {
  const mac = '90:b8:d0:c0:ff:ee';
  const withNic: VmDetail = {
    ...zone,
    nics: [
      {
        interface: 'net0',
        mac,
        nic_tag: 'admin',
        ip: '192.168.1.20',
        netmask: '255.255.255.0',
        gateway: '192.168.1.1',
        primary: true,
      },
    ],
  };
  const original = editFormFromVm(withNic);

  it('changes an address by mac, adds and removes NICs, and shows each in the diff', () => {
    const nic = original.nics[0];
    if (!nic) throw new Error('no nic read');
    expect(nic).toMatchObject({ mac, ip: '192.168.1.20', netmask: '255.255.255.0', gateway: '192.168.1.1' });

    const moved = { ...original, nics: [{ ...nic, ip: '10.0.0.9', netmask: '255.255.0.0', gateway: '' }] };
    const payload = buildUpdatePayload('joyent', original, moved);
    expect(payload).toEqual({ update_nics: [{ mac, ips: ['10.0.0.9/16'], gateways: [] }] });
    expect(updateDiff(withNic, payload).map((r) => r.property)).toEqual([
      `nics.${mac}.ips`,
      `nics.${mac}.gateways`,
    ]);

    const swapped = buildUpdatePayload('kvm', original, {
      ...original,
      nics: [
        {
          mac: null,
          interface: null,
          nicTag: 'external',
          dhcp: true,
          ip: '',
          netmask: '',
          gateway: '',
          primary: true,
        },
      ],
    });
    expect(swapped).toEqual({
      add_nics: [{ nic_tag: 'external', ips: ['dhcp'], gateways: [], model: 'virtio', primary: true }],
      remove_nics: [mac],
    });
    expect(updateDiff(withNic, swapped).map((r) => [r.property, diffValueText(r.after)])).toEqual([
      ['nics (new)', expect.stringContaining('"external"') as unknown],
      [`nics.${mac}`, '(not set)'],
    ]);
  });

  it('refuses an address outside the netmask, with the wizard’s words', () => {
    const nic = original.nics[0];
    if (!nic) throw new Error('no nic read');
    const bad = { ...original, nics: [{ ...nic, gateway: '10.9.9.9' }] };
    expect(checkEditForm(bad, original).nics).toBe('fix the NIC fields marked below');
  });
});
