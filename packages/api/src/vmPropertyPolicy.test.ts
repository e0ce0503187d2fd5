import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';

import {
  assertVmPropertiesAllowed,
  DANGEROUS_VM_PROPERTY_NAMES,
  refusedVmProperties,
  unknownVmPropertyNames,
} from './vmPropertyPolicy.js';

const none = new Set<string>();
const pathsOf = (payload: Record<string, unknown>, allowed = none) =>
  refusedVmProperties(payload, allowed).map((r) => r.path);

describe('vmPropertyPolicy', () => {
  it('refuses lofs mounts of the global zone on create and update', () => {
    const lofs = [{ type: 'lofs', source: '/etc', target: '/mnt/etc' }];
    expect(pathsOf({ filesystems: lofs })).toEqual(['filesystems']);
    expect(pathsOf({ add_filesystems: lofs })).toEqual(['add_filesystems']);
    expect(pathsOf({ update_filesystems: lofs })).toEqual(['update_filesystems']);
    // Taking a mount away narrows the zone.
    expect(pathsOf({ remove_filesystems: ['/mnt/etc'] })).toEqual([]);
  });

  it('refuses hypervisor command-line options and fs_allowed', () => {
    expect(pathsOf({ qemu_opts: '-hda /dev/zvol/rdsk/zones/x' })).toEqual(['qemu_opts']);
    expect(pathsOf({ qemu_extra_opts: '-chardev file,path=/etc/shadow' })).toEqual(['qemu_extra_opts']);
    expect(pathsOf({ bhyve_extra_opts: '-s 9,passthru,0/1/0' })).toEqual(['bhyve_extra_opts']);
    expect(pathsOf({ fs_allowed: 'ufs,pcfs' })).toEqual(['fs_allowed']);
    // Clearing them is allowed.
    expect(pathsOf({ qemu_extra_opts: '', bhyve_extra_opts: null, fs_allowed: '' })).toEqual([]);
  });

  it('refuses added zone privileges but not the default set or removals', () => {
    expect(pathsOf({ limit_priv: 'default,dtrace_kernel' })).toEqual(['limit_priv']);
    expect(pathsOf({ limit_priv: 'sys_time' })).toEqual(['limit_priv']);
    expect(pathsOf({ limit_priv: 'default' })).toEqual([]);
    expect(pathsOf({ limit_priv: 'default,-file_link_any,!proc_info' })).toEqual([]);
  });

  it('refuses disk paths and NIC anti-spoofing switches, by entry', () => {
    expect(
      pathsOf({ disks: [{ size: 10240 }, { path: '/dev/zvol/rdsk/zones/other-disk0', nocreate: true }] }),
    ).toEqual(['disks[1].path']);
    expect(pathsOf({ add_disks: [{ path: '/dev/zvol/rdsk/zones/x' }] })).toEqual(['add_disks[0].path']);
    expect(pathsOf({ nics: [{ nic_tag: 'admin', allow_ip_spoofing: true }] })).toEqual([
      'nics[0].allow_ip_spoofing',
    ]);
    expect(pathsOf({ update_nics: [{ mac: '02:00:00:00:00:01', allow_mac_spoofing: true }] })).toEqual([
      'update_nics[0].allow_mac_spoofing',
    ]);
    expect(pathsOf({ update_nics: [{ mac: '02:00:00:00:00:01', allow_ip_spoofing: false }] })).toEqual([]);
  });

  it('lets ordinary properties through', () => {
    expect(
      pathsOf({
        alias: '-oProxyCommand=touch /tmp/pwned',
        quota: 20,
        max_physical_memory: 1024,
        zfs_root_compression: 'lz4',
        customer_metadata: { 'user-script': 'echo hi' },
        nics: [{ nic_tag: 'admin', ips: ['dhcp'] }],
      }),
    ).toEqual([]);
  });

  it('lets through exactly what the server allows', () => {
    const payload = { filesystems: [{ type: 'lofs', source: '/data', target: '/data' }], qemu_opts: '-x' };
    expect(pathsOf(payload, new Set(['filesystems']))).toEqual(['qemu_opts']);
    expect(pathsOf(payload, new Set(['filesystems', 'qemu_opts']))).toEqual([]);
  });

  it('throws FORBIDDEN naming the property and the setting that allows it', () => {
    let error: unknown;
    try {
      assertVmPropertiesAllowed(
        { add_filesystems: [{ type: 'lofs', source: '/', target: '/gz' }] },
        undefined,
      );
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('FORBIDDEN');
    expect((error as TRPCError).message).toMatch(
      /^add_filesystems: refused, .*ZONEDECK_ALLOW_VM_PROPERTIES=filesystems$/,
    );
    expect(() => assertVmPropertiesAllowed({ alias: 'web' }, undefined)).not.toThrow();
  });

  it('names configured entries that are not guarded properties', () => {
    expect(unknownVmPropertyNames(['filesystems', 'filesystem', 'nics.allow_ip_spoofing'])).toEqual([
      'filesystem',
    ]);
    expect(DANGEROUS_VM_PROPERTY_NAMES).toContain('bhyve_extra_opts');
  });
});
