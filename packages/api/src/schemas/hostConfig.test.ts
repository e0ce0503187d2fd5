import { describe, expect, it } from 'vitest';
import { z } from 'zod';

import { AddHostInput, HostKeyFingerprint } from './hostConfig.js';

const ok = {
  id: 'rack-2',
  name: 'Rack 2',
  address: 'smartos1.example.org',
  port: 22,
  username: 'root',
  keySource: 'path',
  keyPath: '/root/.ssh/id_ed25519',
} as const;

/** The fields a refused input names. */
function refusedFields(input: unknown): string[] {
  const r = AddHostInput.safeParse(input);
  return r.success ? [] : Object.keys(z.flattenError(r.error).fieldErrors).sort();
}

describe('AddHostInput', () => {
  it('accepts host names, IPv4 and IPv6 addresses', () => {
    for (const address of ['smartos1.example.org', 'h-1', '10.0.0.5', 'fe80::1', '2001:db8::5']) {
      expect(refusedFields({ ...ok, address }), address).toEqual([]);
    }
  });

  it('refuses option-looking and malformed addresses at the address field', () => {
    for (const address of ['-oProxyCommand=id', '-p', 'a b', 'host;id', 'x.-y', '', 'a'.repeat(254)]) {
      expect(refusedFields({ ...ok, address }), address).toEqual(['address']);
    }
    const r = AddHostInput.safeParse({ ...ok, address: '-oProxyCommand=id' });
    expect(r.success ? [] : z.flattenError(r.error).fieldErrors.address).toEqual(['must not start with "-"']);
  });

  it('refuses ports out of range, option-looking users, reserved or bad ids', () => {
    expect(refusedFields({ ...ok, port: 0 })).toEqual(['port']);
    expect(refusedFields({ ...ok, port: 65536 })).toEqual(['port']);
    expect(refusedFields({ ...ok, port: '2222' })).toEqual([]);
    expect(refusedFields({ ...ok, username: '-oUser=x' })).toEqual(['username']);
    expect(refusedFields({ ...ok, id: 'sim' })).toEqual(['id']);
    expect(refusedFields({ ...ok, id: 'Rack 2' })).toEqual(['id']);
    expect(refusedFields({ ...ok, name: 'a\u001b[31m' })).toEqual(['name']);
  });

  it('needs an absolute key path, or a pasted private key, at its own field', () => {
    expect(refusedFields({ ...ok, keyPath: 'id_ed25519' })).toEqual(['keyPath']);
    expect(refusedFields({ ...ok, keyPath: undefined })).toEqual(['keyPath']);
    const pasted = { ...ok, keySource: 'pasted', keyPath: undefined };
    expect(refusedFields({ ...pasted, privateKey: 'ssh-ed25519 AAAA… user@host' })).toEqual(['privateKey']);
    expect(
      refusedFields({
        ...pasted,
        privateKey: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3Bl\n-----END OPENSSH PRIVATE KEY-----',
      }),
    ).toEqual([]);
  });
});

describe('HostKeyFingerprint', () => {
  it('takes what ssh-keygen -lf prints, nothing else', () => {
    expect(HostKeyFingerprint.safeParse('SHA256:D7mM59JM3oJinBtobaJrqPKz2I7AVH09BghkloXzT6E').success).toBe(
      true,
    );
    expect(HostKeyFingerprint.safeParse('MD5:aa:bb').success).toBe(false);
    expect(HostKeyFingerprint.safeParse('SHA256:short').success).toBe(false);
  });
});
