/**
 * Encrypts the secrets the console keeps in SQLite (SSH private keys pasted on the hosts page,
 * TOTP seeds) with AES-256-GCM under a key in its own file in the data directory, created 0600
 * on first use: the SQLite file alone (a copy, a backup) does not give them away. Each sealed
 * value is bound to a label (`host:<id>`, `totp:<user id>`), so a value moved to another row does
 * not open either.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const VERSION = 1;
const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
export const SECRET_KEY_FILE = 'secret.key';

export class SecretBoxError extends Error {
  override readonly name = 'SecretBoxError';
}

export interface SecretBox {
  seal(plaintext: Buffer, label: string): Buffer;
  /** Throws SecretBoxError when the value was altered, belongs to another label or key. */
  open(sealed: Buffer, label: string): Buffer;
  /** `seal` for text, as base64 for a TEXT column. */
  sealText(plaintext: string, label: string): string;
  openText(sealed: string, label: string): string;
}

/** The box of a data directory; its key file is read, or created, on first use only. */
export function openSecretBox(dataDir: string): SecretBox {
  let key: Buffer | undefined;
  const getKey = (): Buffer => (key ??= loadOrCreateKey(path.join(dataDir, SECRET_KEY_FILE)));
  const box: SecretBox = {
    sealText: (plaintext, label) => box.seal(Buffer.from(plaintext, 'utf8'), label).toString('base64'),
    openText: (sealed, label) => box.open(Buffer.from(sealed, 'base64'), label).toString('utf8'),
    seal(plaintext, label) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', getKey(), iv);
      cipher.setAAD(Buffer.from(label, 'utf8'));
      const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
    },
    open(sealed, label) {
      if (sealed.length < 1 + IV_BYTES + TAG_BYTES || sealed[0] !== VERSION) {
        throw new SecretBoxError('the stored value is not a sealed secret of this console');
      }
      const iv = sealed.subarray(1, 1 + IV_BYTES);
      const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
      const decipher = createDecipheriv('aes-256-gcm', getKey(), iv);
      decipher.setAAD(Buffer.from(label, 'utf8'));
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
      } catch {
        throw new SecretBoxError(
          `it does not decrypt with ${SECRET_KEY_FILE}: the stored value was altered or the key file replaced`,
        );
      }
    },
  };
  return box;
}

function loadOrCreateKey(file: string): Buffer {
  let fd: number;
  try {
    // 'wx': only if it does not exist yet, so two processes cannot each write their own key.
    fd = fs.openSync(file, 'wx', 0o600);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    const existing = fs.readFileSync(file);
    if (existing.length !== KEY_BYTES) {
      throw new SecretBoxError(`${file} is not a ${KEY_BYTES}-byte key`);
    }
    return existing;
  }
  const created = randomBytes(KEY_BYTES);
  try {
    fs.writeSync(fd, created);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return created;
}
