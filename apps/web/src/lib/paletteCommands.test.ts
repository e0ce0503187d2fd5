import { describe, expect, it } from 'vitest';

import type { ImageManifest, VmSummary } from '@zonedeck/api/schemas';

import { paletteCommands, type PaletteInput } from './paletteCommands';
import { testVm } from './testVm';

const vm = (alias: string, brand: VmSummary['brand'], state: VmSummary['state'], n: number): VmSummary =>
  testVm({ uuid: `00000000-0000-0000-0000-00000000000${n}`, alias, brand, state, ramMiB: 1024 });

const elk = vm('elk', 'bhyve', 'stopped', 1);
const samba = vm('samba', 'joyent', 'running', 2);
const base = {
  uuid: '2f1dc911-6401-4fa4-8e9d-67ea2e39c271',
  name: 'base-64-lts',
  version: '23.4.0',
  type: 'zone-dataset',
  os: 'smartos',
} as ImageManifest;

function input(role: PaletteInput['role']): PaletteInput {
  return {
    role,
    hostId: 'sim',
    pages: [
      { href: '/', label: 'VMs' },
      { href: '/images', label: 'Images' },
    ],
    vms: [samba, elk],
    importable: [base],
    pools: ['zones'],
  };
}

const labels = (role: PaletteInput['role']) => paletteCommands(input(role)).map((c) => c.label);

describe('paletteCommands', () => {
  it('gives an admin every page, power, console, import and scrub command', () => {
    const all = labels('admin');
    expect(all).toEqual(
      expect.arrayContaining([
        'Go to VMs',
        'Go to Images',
        'Create VM',
        'Open elk',
        'Start elk',
        'Stop samba',
        'Reboot samba',
        'Force stop samba',
        'Open console elk (VNC)',
        'Open console elk (serial)',
        'Open console samba (shell)',
        'Import image base-64-lts 23.4.0',
        'Scrub zones',
        'Theme: dark',
        'Keyboard shortcuts',
      ]),
    );
    // Power follows the state: a stopped VM only starts, a running one does not start.
    expect(all).not.toContain('Stop elk');
    expect(all).not.toContain('Start samba');
  });

  it('gives an operator power and consoles but no create, import or scrub', () => {
    const all = labels('operator');
    expect(all).toContain('Start elk');
    expect(all).toContain('Open console samba (shell)');
    expect(all).not.toContain('Create VM');
    expect(all.some((l) => l.startsWith('Import image'))).toBe(false);
    expect(all).not.toContain('Scrub zones');
  });

  it('gives a viewer pages and VM pages only', () => {
    const all = labels('viewer');
    expect(all).toContain('Open elk');
    expect(all).not.toContain('Start elk');
    expect(all.some((l) => l.startsWith('Open console'))).toBe(false);
  });

  it('asks before stopping, rebooting or scrubbing, naming the target, and not before starting', () => {
    const commands = paletteCommands(input('admin'));
    const byLabel = (l: string) => commands.find((c) => c.label === l);
    expect(byLabel('Start elk')?.confirm).toBeUndefined();
    expect(byLabel('Stop samba')?.confirm?.title).toBe('Stop samba?');
    expect(byLabel('Force stop samba')?.confirm?.body).toMatch(/samba is halted at once/);
    expect(byLabel('Scrub zones')?.confirm?.title).toBe('Scrub zones?');
  });

  it('links consoles to the VM on its host', () => {
    const shell = paletteCommands(input('admin')).find((c) => c.id === `console:shell:${samba.uuid}`);
    expect(shell?.action).toEqual({ kind: 'navigate', href: `/consoles/${samba.uuid}?kind=shell&host=sim` });
  });

  it('has unique ids (cmdk matches by them)', () => {
    const ids = paletteCommands(input('admin')).map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
