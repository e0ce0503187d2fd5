import { Secret, TOTP } from 'otpauth';
import qrcode from 'qrcode-generator';

const PERIOD = 30;
const ISSUER = 'ZoneDeck';

function totpOf(secretBase32: string, username: string): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label: username,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD,
  });
}

/** A new random TOTP secret (160 bits, base32, as authenticator apps expect). */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The otpauth:// URI an authenticator app reads (RFC 6238 parameters: SHA1, 6 digits, 30 s). */
export function totpUri(secretBase32: string, username: string): string {
  return totpOf(secretBase32, username).toString();
}

/** The code for `timestamp` (ms); for tests and nothing else. */
export function totpCodeAt(secretBase32: string, timestamp: number): string {
  return totpOf(secretBase32, '').generate({ timestamp });
}

/**
 * The time step `code` belongs to, accepting one step of clock drift either way, or null when it
 * is wrong. Callers refuse a step at or before the last one accepted, so a code is used once.
 */
export function totpStepOf(secretBase32: string, code: string, timestamp: number): number | null {
  const totp = totpOf(secretBase32, '');
  const delta = totp.validate({ token: code, timestamp, window: 1 });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

/** The QR code of `text` as rows of '1' (dark) and '0' (light), drawn by the browser as SVG. */
export function qrRows(text: string): string[] {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const n = qr.getModuleCount();
  return Array.from({ length: n }, (_, row) =>
    Array.from({ length: n }, (_, col) => (qr.isDark(row, col) ? '1' : '0')).join(''),
  );
}
