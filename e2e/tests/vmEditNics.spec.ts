import { expect, hostCommand, signIn, test, type RunningServer } from '../fixtures/server.js';

// Issue 5: NICs are edited like the other properties: a bad address is refused at its field
// and nothing reaches the host; a changed address and a new NIC go out as one `vmadm update`
// (update_nics keyed by mac, add_nics) previewed as a diff.

test.use({ serverEnv: { SMARTOS_SIM_SPEED: '5' } });

const POWERDNS = '024ab643-ed65-48ab-95f8-5e5976539bfa';

function nicsOf(server: RunningServer): Record<string, unknown>[] {
  const vm = JSON.parse(hostCommand(server, ['vmadm', 'get', POWERDNS])) as {
    nics: Record<string, unknown>[];
  };
  return vm.nics;
}

test('an admin moves a zone to another address and adds a DHCP NIC; a gateway outside the netmask is refused', async ({
  page,
  server,
}) => {
  const before = nicsOf(server);
  expect(before).toHaveLength(1);
  const mac = String(before[0]?.mac);

  await signIn(page, server);
  await page.goto(`${server.url}/vms/${POWERDNS}`);
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit powerdns' });
  const net0 = edit.getByRole('group', { name: 'net0' });
  await expect(net0.getByLabel('IP address')).toHaveValue('192.168.1.7');
  await expect(net0.getByLabel('NIC tag')).toBeDisabled();

  // 10.0.0.7 with the 192.168.1.1 gateway: refused at the gateway, nothing sent.
  await net0.getByLabel('IP address').fill('10.0.0.7');
  await edit.getByRole('button', { name: 'Apply changes' }).click();
  await expect(net0.getByLabel('Gateway')).toHaveAttribute('aria-invalid', 'true');
  await expect(net0.getByLabel('Gateway')).toHaveAccessibleDescription(/outside the netmask/);
  expect(nicsOf(server)).toEqual(before);

  await net0.getByLabel('IP address').fill('192.168.1.70');
  await edit.getByRole('button', { name: 'Add NIC' }).click();
  const added = edit.getByRole('group', { name: 'new NIC 2' });
  await added.getByLabel('NIC tag').selectOption('admin');
  const changes = edit.getByRole('table', { name: 'Property changes' });
  await expect(changes.getByRole('row', { name: `nics.${mac}.ips` })).toContainText('"192.168.1.70/24"');
  await expect(changes.getByRole('row', { name: 'nics (new)' })).toContainText('"dhcp"');
  await edit.getByRole('button', { name: 'Apply changes' }).click();
  await expect(edit).toBeHidden();

  await expect.poll(() => nicsOf(server).length, { timeout: 30_000 }).toBe(2);
  const after = nicsOf(server);
  expect(after[0]).toMatchObject({ mac, ip: '192.168.1.70', ips: ['192.168.1.70/24'], primary: true });
  expect(after[1]).toMatchObject({ interface: 'net1', nic_tag: 'admin', ips: ['dhcp'] });
  await page.getByRole('tab', { name: 'Network' }).click();
  await expect(page.getByRole('table', { name: 'NICs' })).toContainText('192.168.1.70/24');
});
