/**
 * Checks for the operands the zfs, zpool, imgadm, dladm, svcs and kstat argv builders take.
 * A bad operand rejects with a SmartosError before any command runs; none may start with `-`
 * (the builders also put `--` before operands where the tool's getopt accepts it).
 */
import { SmartosError, type SmartosErrorCode } from '../errors.js';

function check(
  value: string,
  pattern: RegExp,
  what: string,
  code: SmartosErrorCode = 'InvalidProperty',
): string {
  if (typeof value !== 'string' || !pattern.test(value) || value.startsWith('-')) {
    throw new SmartosError({ code, message: `not a valid ${what}: ${JSON.stringify(value)}` });
  }
  return value;
}

/** zfs_namecheck: pool names start with a letter; letters, digits, `_ - . :`. */
export function assertPoolName(name: string): string {
  return check(name, /^[A-Za-z][A-Za-z0-9_.:-]{0,254}$/, 'pool name');
}

const COMPONENT = '[A-Za-z0-9_.: -]+';
/** `pool/fs/child`, optionally `@snapshot`; components of letters, digits, `_ - . :` and blanks. */
export function assertDatasetName(name: string, opts: { snapshot?: 'allowed' | 'required' } = {}): string {
  const snap =
    opts.snapshot === 'required' ? `@${COMPONENT}` : opts.snapshot === 'allowed' ? `(?:@${COMPONENT})?` : '';
  const re = new RegExp(`^[A-Za-z][A-Za-z0-9_.:-]*(?:/${COMPONENT})*${snap}$`);
  if (name.length > 255 || /^\s|\s$|\/\s|\s\/|\s@/.test(name)) return check('', /x^/, 'dataset name');
  return check(name, re, opts.snapshot === 'required' ? 'snapshot name' : 'dataset name');
}

/** zfs/zpool property names for -o and get: `used`, `compressratio`, `user:prop`, `all`. */
export function assertPropertyNames(names: readonly string[]): string[] {
  if (names.length === 0) throw new SmartosError({ code: 'InvalidProperty', message: 'no properties given' });
  return names.map((n) => check(n, /^[a-z][a-z0-9_.:-]*$/, 'property name'));
}

/** An SMF FMRI or pattern: `svc:/network/ssh:default`, `network/ssh`, `ssh`, `*ssh*`. */
export function assertFmri(fmri: string): string {
  return check(
    fmri,
    /^(?:(?:svc|lrc):\/)?[A-Za-z0-9_*?][A-Za-z0-9_,.\-/:*?[\]]*$/,
    'service FMRI',
    'InvalidProperty',
  );
}

/** A datalink name: letters, digits and `_`, ending in a digit (`bge0`, `z2_0`, `aggr1`). */
export function assertLinkName(name: string): string {
  return check(name, /^[A-Za-z][A-Za-z0-9_.]{0,30}[0-9]$/, 'link name');
}

/** A kstat selector `module:instance:name:statistic`, each part possibly empty (all). */
export function assertKstatSpec(spec: string): string {
  return check(spec, /^[A-Za-z0-9_,.*-]*(?::[A-Za-z0-9_,.*-]*){0,3}$/, 'kstat selector');
}

/** An image source URL (http or https). */
export function assertSourceUrl(url: string): string {
  return check(url, /^https?:\/\/[^\s"']+$/, 'image source URL');
}

/** Output fields for -o (`name,used`, `link,over`). */
export function assertFields(fields: readonly string[]): string[] {
  if (fields.length === 0) throw new SmartosError({ code: 'InvalidProperty', message: 'no fields given' });
  return fields.map((f) => check(f, /^[a-z][a-z0-9_.:]*$/i, 'output field'));
}
