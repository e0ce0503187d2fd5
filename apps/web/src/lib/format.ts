// Pure formatting for what hosts report. No React, no DOM: tested in format.test.ts.
import type { VmBrand, VmState } from '@zonedeck/api/schemas';

const MIB_PER_GIB = 1024;

function trimNumber(value: number, maxFractionDigits: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: maxFractionDigits, useGrouping: false });
}

/** A VM's RAM: MiB below 1 GiB, GiB (one decimal at most) from there. 512 → "512 MiB", 1536 → "1.5 GiB". */
export function formatMiB(mib: number): string {
  if (mib < MIB_PER_GIB) return `${trimNumber(mib, 0)} MiB`;
  return `${trimNumber(mib / MIB_PER_GIB, 1)} GiB`;
}

/** Host memory, always in GiB with one decimal: 32661 → "31.9 GiB". */
export function formatGiB(mib: number): string {
  return `${(mib / MIB_PER_GIB).toFixed(1)} GiB`;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** A duration as an admin reads uptime: "41 d 3 h", "5 h 12 min", "7 min", "< 1 min". */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < MINUTE) return '< 1 min';
  const days = Math.floor(ms / DAY);
  const hours = Math.floor((ms % DAY) / HOUR);
  const minutes = Math.floor((ms % HOUR) / MINUTE);
  if (days > 0) return hours > 0 ? `${days} d ${hours} h` : `${days} d`;
  if (hours > 0) return minutes > 0 ? `${hours} h ${minutes} min` : `${hours} h`;
  return `${minutes} min`;
}

/** Uptime from an ISO-8601 boot time; null when the time cannot be read. */
export function formatUptime(bootTimeIso: string, now: Date): string | null {
  const boot = Date.parse(bootTimeIso);
  if (Number.isNaN(boot)) return null;
  return formatDuration(now.getTime() - boot);
}

/** An ISO-8601 instant as a local date and time; the raw text when it is not a date. */
export function formatDateTime(iso: string, locale?: string, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(time);
}

export type BrandFamily = 'OS' | 'LX' | 'KVM' | 'bhyve';

/** What kind of guest a brand is: native zones are "OS", the rest name their hypervisor or emulation. */
export function brandFamily(brand: VmBrand): BrandFamily {
  switch (brand) {
    case 'joyent':
    case 'joyent-minimal':
    case 'builder':
      return 'OS';
    case 'lx':
      return 'LX';
    case 'kvm':
      return 'KVM';
    case 'bhyve':
      return 'bhyve';
  }
}

/** vmadm's state words for people: "shutting_down" → "shutting down". */
export function vmStateLabel(state: VmState): string {
  return state.replaceAll('_', ' ');
}

export type StateTone = 'ok' | 'busy' | 'idle' | 'bad';

/** The colour family of a state badge; the badge always shows the word too. */
export function vmStateTone(state: VmState): StateTone {
  switch (state) {
    case 'running':
      return 'ok';
    case 'provisioning':
    case 'receiving':
    case 'ready':
    case 'stopping':
    case 'shutting_down':
      return 'busy';
    case 'configured':
    case 'installed':
    case 'stopped':
    case 'down':
      return 'idle';
    case 'incomplete':
    case 'failed':
      return 'bad';
  }
}

/** The first non-empty line of a command's output, trimmed. */
export function firstLine(text: string): string {
  for (const line of text.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed) return trimmed;
  }
  return '';
}

/**
 * How long ago an instant was, as a list says it: "just now", "42 s ago", "5 min ago", "3 h ago",
 * "2 d ago"; the raw text when it is not a date. Times a little in the future (clock skew) are "just now".
 */
export function formatRelativeTime(iso: string, now: Date): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return iso;
  const seconds = Math.floor((now.getTime() - time) / 1000);
  if (seconds < 10) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  return `${Math.floor(hours / 24)} d ago`;
}
