import type { Locator, Page } from '@playwright/test';

import { expect, hostCommand, signIn, test, type RunningServer } from '../fixtures/server.js';

// Issue 5: create a joyent zone and a KVM VM through the wizard, watch both reach running
// without a reload, then stop, snapshot, roll back, edit RAM and delete the zone. Bad values
// are refused at their field, and the host is checked to be unchanged each time.

test.use({ serverEnv: { SMARTOS_SIM_SPEED: '5' } });

const shots = process.env.E2E_SCREENSHOTS;

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png`, fullPage: true });
}

function vmUuids(server: RunningServer): string[] {
  return hostCommand(server, ['vmadm', 'list', '-p', '-o', 'uuid'])
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .sort();
}

function vmGet(server: RunningServer, uuid: string): Record<string, unknown> {
  return JSON.parse(hostCommand(server, ['vmadm', 'get', uuid])) as Record<string, unknown>;
}

/** The field is marked invalid and its description says why. */
async function expectRefused(field: Locator, reason: string | RegExp): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(reason);
}

async function next(page: Page, step: string): Promise<void> {
  await page.getByRole('button', { name: 'Next' }).click();
  await expect(page.getByRole('region', { name: new RegExp(`^Step \\d: ${step}$`) })).toBeVisible();
}

test('an admin creates a zone and a KVM VM, then stops, snapshots, rolls back, edits and deletes the zone', async ({
  page,
  server,
}) => {
  test.setTimeout(240_000);
  await signIn(page, server);
  const vmTable = page.getByRole('table', { name: 'Virtual machines' });
  await expect(vmTable).toBeVisible();
  // A marker that a reload would wipe: everything below happens in this one page load.
  await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
  const before = vmUuids(server);

  // --- The joyent zone, with each bad value refused at its field on the way. ---
  await page.getByRole('link', { name: 'Create VM' }).click();
  await expect(page.getByRole('heading', { name: 'Create a VM' })).toBeVisible();
  await expect(page.getByRole('radio', { name: /OS zone \(joyent\)/ })).toBeChecked();
  await shot(page, 'wizard-1-brand');
  await next(page, 'Image');
  // The simulator's imgadm lists what the office host has installed.
  await page.getByRole('radio', { name: /base-64-lts 18\.4\.0/ }).check();
  await expect(page.getByRole('link', { name: 'Import more on the Images page' })).toHaveAttribute(
    'href',
    '/images',
  );
  await shot(page, 'wizard-2-image');
  await next(page, 'Size');

  await page.getByLabel('RAM').fill('0');
  await page.getByRole('button', { name: 'Next' }).click();
  await expectRefused(page.getByLabel('RAM'), /at least 64 MiB/);
  await expect(page.getByRole('region', { name: 'Step 3: Size' })).toBeVisible();
  await shot(page, 'wizard-3-size-refused');
  await page.getByLabel('RAM').fill('256');
  await next(page, 'Network');

  await page.getByLabel('NIC tag').selectOption('admin');
  await page.getByRole('radio', { name: 'Static IP' }).check();
  await page.getByLabel('IP address').fill('10.0.0.5');
  await page.getByLabel('Netmask').fill('255.255.255.0');
  await page.getByLabel('Gateway').fill('192.168.1.1');
  await page.getByRole('button', { name: 'Next' }).click();
  await expectRefused(page.getByLabel('Gateway'), /outside the netmask of the IP/);
  await shot(page, 'wizard-4-network-refused');
  await page.getByRole('radio', { name: 'DHCP' }).check();
  await page.getByLabel('Resolvers').fill('8.8.8.8, 8.8.4.4');
  await next(page, 'Identity');

  await page.getByLabel('Alias').fill('a'.repeat(300));
  await page.getByRole('button', { name: 'Next' }).click();
  await expectRefused(page.getByLabel('Alias'), /at most 64 characters/);
  await page.getByLabel('Alias').fill('e2e-zone');
  await page.getByLabel('user-script').fill('#!/bin/sh\necho "hello $(hostname)"\n');
  await next(page, 'Review');

  const payload = page.getByLabel('vmadm create payload');
  await expect(page.getByRole('region', { name: 'Host verdict' })).toContainText(
    'The host accepts this payload',
  );
  await expect(payload).toContainText('"alias": "e2e-zone"');
  await expect(payload).toContainText('"max_physical_memory": 256');
  await expect(payload).toContainText('"image_uuid": "c193a558-1d63-11e9-97cf-97bb3ee5c14f"');
  const extra = page.getByLabel('Extra raw properties');
  await extra.fill('{"autoboot": ');
  await extra.blur();
  await expectRefused(extra, /not JSON/);
  await expect(page.getByRole('button', { name: 'Create VM' })).toBeDisabled();
  // A property vmadm does not know: the host's `vmadm validate create` refuses it, at the field.
  await extra.fill('{"foo_bar": 1}');
  await page.getByRole('button', { name: 'Check with the host' }).click();
  await expectRefused(extra, /vmadm validate refused foo_bar/);
  await expect(page.getByRole('button', { name: 'Create VM' })).toBeDisabled();
  await extra.fill('{"max_lwps": 4000}');
  await page.getByRole('button', { name: 'Check with the host' }).click();
  await expect(payload).toContainText('"max_lwps": 4000');
  await shot(page, 'wizard-6-review');
  // Nothing so far reached the host: every refusal and `vmadm validate` left it as it was.
  expect(vmUuids(server)).toEqual(before);

  await page.getByRole('button', { name: 'Create VM' }).click();
  await expect(page).toHaveURL(`${server.url}/`);
  const zoneRow = vmTable.locator('tbody tr', { hasText: 'e2e-zone' });
  await expect(zoneRow).toBeVisible();

  // --- The KVM guest from the ubuntu zvol image. ---
  await page.getByRole('link', { name: 'Create VM' }).click();
  await page.getByRole('radio', { name: /KVM/ }).check();
  await next(page, 'Image');
  await page.getByRole('radio', { name: /ubuntu-certified-18\.04/ }).check();
  await next(page, 'Size');
  await page.getByLabel('RAM').fill('512');
  await page.getByLabel('vCPUs').fill('1');
  await shot(page, 'wizard-3-size-kvm');
  await next(page, 'Network');
  await page.getByLabel('NIC tag').selectOption('admin');
  await next(page, 'Identity');
  await page.getByLabel('Alias').fill('e2e-kvm');
  await next(page, 'Review');
  await expect(page.getByRole('region', { name: 'Host verdict' })).toContainText(
    'The host accepts this payload',
  );
  await expect(payload).toContainText('"ram": 512');
  await expect(payload).toContainText('"image_uuid": "ac99517a-72ac-44c0-90e6-c7ce3d944a0a"');
  await page.getByRole('button', { name: 'Create VM' }).click();
  await expect(page).toHaveURL(`${server.url}/`);

  // Both come up live: provisioning, then running, with no reload.
  const kvmRow = vmTable.locator('tbody tr', { hasText: 'e2e-kvm' });
  await expect(zoneRow).toContainText('running', { timeout: 60_000 });
  await expect(kvmRow).toContainText('running', { timeout: 60_000 });
  await shot(page, 'list-after-create');

  // --- The zone's page: stop, snapshot, roll back. ---
  await zoneRow.getByRole('link', { name: 'e2e-zone' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'e2e-zone' })).toBeVisible();
  const uuid = /\/vms\/([0-9a-f-]{36})/.exec(page.url())?.[1] ?? '';
  expect(uuid).not.toBe('');
  const header = page.getByRole('group', { name: 'VM actions' });
  const title = page.getByRole('heading', { level: 1, name: 'e2e-zone' }).locator('xpath=..');
  await expect(title).toContainText('running');
  await shot(page, 'detail-summary');

  await header.getByRole('button', { name: 'Stop e2e-zone', exact: true }).click();
  await expect(title).toContainText('stopped', { timeout: 30_000 });
  await expect(header.getByRole('button', { name: 'Start e2e-zone' })).toBeEnabled();

  await page.getByRole('tab', { name: 'Snapshots' }).click();
  await expect(page).toHaveURL(/\?tab=snapshots$/);
  const snapName = page.getByLabel('New snapshot name');
  await snapName.fill('bad name!');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  await expectRefused(snapName, /letters, digits/);
  const snapshots = page.getByRole('table', { name: 'Snapshots' });
  await snapName.fill('first');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(snapshots.locator('tbody tr', { hasText: 'first' })).toBeVisible({ timeout: 30_000 });
  await snapName.fill('second');
  await page.getByRole('button', { name: 'Create snapshot' }).click();
  await expect(snapshots.locator('tbody tr', { hasText: 'second' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Roll back to first' })).toBeEnabled();
  await page.getByRole('button', { name: 'Roll back to first' }).click();
  const rollback = page.getByRole('dialog', { name: 'Roll e2e-zone back to first?' });
  await expect(rollback).toContainText('Newer snapshots are destroyed: second');
  await shot(page, 'dialog-rollback');
  await rollback.getByRole('button', { name: 'Roll back' }).click();
  await expect(snapshots.locator('tbody tr', { hasText: 'second' })).toBeHidden({ timeout: 30_000 });
  await expect(snapshots.locator('tbody tr', { hasText: 'first' })).toBeVisible();
  await shot(page, 'detail-snapshots');

  // --- Edit RAM: 0 is refused at the field and nothing is sent; 512 goes through as a diff. ---
  await expect(header.getByRole('button', { name: 'Edit' })).toBeEnabled({ timeout: 30_000 });
  await header.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit e2e-zone' });
  await edit.getByLabel('RAM').fill('0');
  await edit.getByRole('button', { name: 'Apply changes' }).click();
  await expectRefused(edit.getByLabel('RAM'), /at least 64 MiB/);
  await expect(edit.getByLabel('RAM')).toBeFocused();
  expect(vmGet(server, uuid)['max_physical_memory']).toBe(256);
  await edit.getByLabel('RAM').fill('512');
  const changes = edit.getByRole('table', { name: 'Property changes' });
  await expect(changes.getByRole('row', { name: /max_physical_memory/ })).toContainText('256');
  await expect(changes.getByRole('row', { name: /max_physical_memory/ })).toContainText('512');
  await shot(page, 'dialog-edit');
  await edit.getByRole('button', { name: 'Apply changes' }).click();
  await expect(edit).toBeHidden();
  await page.getByRole('tab', { name: 'Summary' }).click();
  await expect(page.getByRole('definition').filter({ hasText: /^512 MiB$/ })).toBeVisible({
    timeout: 30_000,
  });
  expect(vmGet(server, uuid)['max_physical_memory']).toBe(512);

  await page.getByRole('tab', { name: 'JSON' }).click();
  await expect(page.getByLabel('vmadm get output')).toContainText('"max_physical_memory": 512');
  await page.getByRole('tab', { name: 'Activity' }).click();
  await expect(page.getByRole('table', { name: 'Jobs' })).toContainText('Update e2e-zone');
  await shot(page, 'detail-activity');

  // --- Delete: lists what goes, and needs the alias typed exactly. ---
  await header.getByRole('button', { name: 'Delete' }).click();
  const del = page.getByRole('dialog', { name: 'Delete e2e-zone?' });
  await expect(del.getByRole('list', { name: 'Datasets destroyed' })).toContainText(`zones/${uuid}`);
  await expect(del.getByRole('list', { name: 'Snapshots destroyed' })).toContainText('first');
  const confirm = del.getByLabel('Type the alias “e2e-zone” to confirm');
  const deleteButton = del.getByRole('button', { name: 'Delete e2e-zone' });
  await expect(deleteButton).toBeDisabled();
  await confirm.fill('e2e-zon');
  await expect(deleteButton).toBeDisabled();
  await confirm.fill('e2e-zone');
  await shot(page, 'dialog-delete');
  await deleteButton.click();
  await expect(page).toHaveURL(`${server.url}/`, { timeout: 30_000 });
  await expect(zoneRow).toBeHidden();
  expect(vmUuids(server)).not.toContain(uuid);
  await expect(kvmRow).toContainText('running');

  expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
});
