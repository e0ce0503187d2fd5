import { describe, expect, it } from 'vitest';

import {
  checkVmForm,
  emptyVmForm,
  errorsFromServerIssues,
  errorsOnStep,
  fieldOfHostProperty,
  fieldOfSpecPath,
  firstStepWithError,
  hostErrorProperties,
  issuesFromMessage,
  parseExtra,
  specInputFromForm,
  type VmForm,
} from './vmForm';

const BASE = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const UBUNTU = 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a';

const zoneForm: VmForm = { ...emptyVmForm(), imageUuid: BASE, nicTag: 'admin', alias: 'web01' };

describe('specInputFromForm', () => {
  it('makes a zone spec with DHCP', () => {
    expect(specInputFromForm(zoneForm)).toEqual({
      input: {
        brand: 'joyent',
        alias: 'web01',
        ram: 1024,
        image_uuid: BASE,
        quota: 10,
        nics: [{ nic_tag: 'admin', ip: 'dhcp' }],
      },
      errors: {},
    });
  });

  it('makes an HVM spec with a boot disk, a data disk, a static IP, resolvers and metadata', () => {
    const { input } = specInputFromForm({
      ...zoneForm,
      brand: 'kvm',
      imageUuid: UBUNTU,
      vcpus: '2',
      diskSize: '20',
      dhcp: false,
      ip: '10.0.0.5',
      gateway: '10.0.0.1',
      resolvers: '8.8.8.8, 1.1.1.1',
      rootAuthorizedKeys: 'ssh-ed25519 AAAA me',
      metadata: [{ key: 'role', value: 'db' }],
    });
    expect(input).toMatchObject({
      brand: 'kvm',
      vcpus: 2,
      disks: [{ boot: true, image_uuid: UBUNTU }, { size: 20480 }],
      nics: [{ nic_tag: 'admin', ip: '10.0.0.5', netmask: '255.255.255.0', gateway: '10.0.0.1' }],
      resolvers: ['8.8.8.8', '1.1.1.1'],
      customer_metadata: { root_authorized_keys: 'ssh-ed25519 AAAA me', role: 'db' },
    });
    expect(input).not.toHaveProperty('image_uuid');
    expect(input).not.toHaveProperty('quota');
  });
});

describe('checkVmForm', () => {
  it('passes a good form', () => {
    const { spec, errors } = checkVmForm(zoneForm);
    expect(errors).toEqual({});
    expect(spec?.alias).toBe('web01');
  });

  it('flags the issue’s bad values at their fields', () => {
    const { spec, errors } = checkVmForm({
      ...zoneForm,
      ram: '0',
      alias: 'a'.repeat(300),
      dhcp: false,
      ip: '10.0.0.5',
      gateway: '192.168.1.1',
    });
    expect(spec).toBeNull();
    expect(errors).toEqual({
      ram: 'at least 64 MiB',
      alias: 'at most 64 characters',
      gateway: 'the gateway is outside the netmask of the IP',
    });
    expect(firstStepWithError(errors)).toBe('Size');
    expect(errorsOnStep(errors, 'Network')).toEqual({ gateway: errors.gateway });
  });

  it('asks for an image and a nic tag', () => {
    const { errors } = checkVmForm({ ...emptyVmForm(), alias: 'x' });
    expect(errors.image).toBe('choose an image');
    expect(errors.nicTag).toBe('choose a nic tag');
    const hvm = checkVmForm({ ...emptyVmForm(), brand: 'bhyve', alias: 'x', nicTag: 'admin' });
    expect(hvm.errors.image).toBe('choose an image for the boot disk');
  });

  it('says when a number is not one', () => {
    expect(checkVmForm({ ...zoneForm, ram: 'lots' }).errors.ram).toBe('a whole number of MiB');
    expect(checkVmForm({ ...zoneForm, ram: '' }).errors.ram).toBe('give the VM its memory size');
  });

  it('checks the extra properties', () => {
    expect(checkVmForm({ ...zoneForm, extra: '[1]' }).errors.extra).toMatch(/JSON object/);
  });
});

describe('parseExtra', () => {
  it('accepts nothing or an object of property names', () => {
    expect(parseExtra('  ')).toEqual({ ok: true, value: {} });
    expect(parseExtra('{"autoboot": false}')).toEqual({ ok: true, value: { autoboot: false } });
  });
  it('says what is wrong', () => {
    expect(parseExtra('{autoboot').ok).toBe(false);
    expect(parseExtra('{"Bad-Key": 1}')).toEqual({
      ok: false,
      error: '“Bad-Key” is not a vmadm property name',
    });
    expect(parseExtra('"text"')).toMatchObject({
      ok: false,
      error: expect.stringMatching(/JSON object/) as unknown,
    });
  });
});

describe('error placement', () => {
  it('maps VmSpec paths to inputs', () => {
    expect(fieldOfSpecPath(['nics', 0, 'gateway'])).toBe('gateway');
    expect(fieldOfSpecPath(['nics', 0, 'nic_tag'])).toBe('nicTag');
    expect(fieldOfSpecPath(['disks', 0, 'image_uuid'])).toBe('image');
    expect(fieldOfSpecPath(['disks', 1, 'size'])).toBe('diskSize');
    expect(fieldOfSpecPath(['disks'])).toBe('image');
    expect(fieldOfSpecPath(['cpu_cap'])).toBe('cpuCap');
    expect(fieldOfSpecPath(['resolvers', 1])).toBe('resolvers');
    expect(fieldOfSpecPath(['customer_metadata', 'x'])).toBe('metadata');
    expect(fieldOfSpecPath(['autoboot'])).toBe('form');
  });

  it('maps the properties a host error names', () => {
    expect(hostErrorProperties('Invalid value(s) for: max_physical_memory,foo_bar')).toEqual([
      'max_physical_memory',
      'foo_bar',
    ]);
    expect(hostErrorProperties('Missing required properties: brand')).toEqual(['brand']);
    expect(hostErrorProperties('Invalid value for quota: -1')).toEqual(['quota']);
    expect(hostErrorProperties('something else')).toEqual([]);
    expect(fieldOfHostProperty('max_physical_memory', [])).toBe('ram');
    expect(fieldOfHostProperty('foo_bar', ['foo_bar'])).toBe('extra');
    expect(fieldOfHostProperty('nics.0.gateways', [])).toBe('gateway');
    expect(fieldOfHostProperty('zfs_io_priority', [])).toBe('form');
  });

  it('reads server zod issues from a BAD_REQUEST message', () => {
    const message = JSON.stringify([
      { code: 'too_small', path: ['spec', 'ram'], message: 'at least 64 MiB' },
      { code: 'custom', path: ['spec', 'nics', 0, 'gateway'], message: 'outside' },
      { code: 'custom', path: ['extra', 'Bad'], message: 'property names…' },
    ]);
    expect(errorsFromServerIssues(issuesFromMessage(message))).toEqual({
      ram: 'at least 64 MiB',
      gateway: 'outside',
      extra: 'property names…',
    });
    expect(issuesFromMessage('not json')).toEqual([]);
  });
});
