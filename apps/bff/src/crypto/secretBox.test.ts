import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openSecretBox, SECRET_KEY_FILE, SecretBoxError } from './secretBox.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'zonedeck-secretbox-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const secret = Buffer.from('-----BEGIN OPENSSH PRIVATE KEY-----\nsecret\n');

describe('secretBox', () => {
  it('creates its key file 0600 on first use only, and opens what it sealed', () => {
    const box = openSecretBox(dir);
    expect(existsSync(path.join(dir, SECRET_KEY_FILE))).toBe(false);
    const sealed = box.seal(secret, 'far');
    expect(statSync(path.join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(sealed.includes(Buffer.from('secret'))).toBe(false);
    expect(box.open(sealed, 'far')).toEqual(secret);
    // Another process on the same data directory reads the same key.
    expect(openSecretBox(dir).open(sealed, 'far')).toEqual(secret);
  });

  it('refuses a value with any byte altered', () => {
    const box = openSecretBox(dir);
    const sealed = box.seal(secret, 'far');
    for (let i = 0; i < sealed.length; i++) {
      const tampered = Buffer.from(sealed);
      tampered[i] = (tampered[i] ?? 0) ^ 0x01;
      expect(() => box.open(tampered, 'far'), `byte ${i}`).toThrow(SecretBoxError);
    }
    expect(() => box.open(sealed.subarray(0, sealed.length - 1), 'far')).toThrow(SecretBoxError);
  });

  it('refuses a value moved to another host, or opened with another key file', () => {
    const sealed = openSecretBox(dir).seal(secret, 'far');
    expect(() => openSecretBox(dir).open(sealed, 'other')).toThrow(SecretBoxError);
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'zonedeck-secretbox-'));
    try {
      expect(() => openSecretBox(elsewhere).open(sealed, 'far')).toThrow(/altered or the key file replaced/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });
});
