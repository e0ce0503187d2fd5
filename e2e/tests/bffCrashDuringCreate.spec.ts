import { expect, hostVms, hostVmState, signIn, test } from '../fixtures/server.js';
import { fillZoneWizard } from '../fixtures/vmWizard.js';

// Issue 5: the BFF killed (SIGKILL) while a create job runs and started again on the same data
// directory: the job shows interrupted, and the VM list shows what `vmadm list` on the host says.

// Slow provisioning (about 18 s per create) so the kill lands while the job runs.
test.use({ serverEnv: { SMARTOS_SIM_SPEED: '0.2' } });

test('a create job running when the server is killed is interrupted, and the list matches the host', async ({
  page,
  server,
}) => {
  test.setTimeout(180_000);
  await signIn(page, server);

  await fillZoneWizard(page, { alias: 'e2e-crash' });
  await page.getByRole('button', { name: 'Create VM' }).click();
  await expect(page.getByText('Creating e2e-crash')).toBeVisible();
  // Kill while the host is provisioning it: the job is mid-way.
  await expect.poll(() => hostVmState(server, 'e2e-crash'), { timeout: 30_000 }).toBe('provisioning');

  await server.kill();
  await server.restart();

  // The job: interrupted, on the jobs page of the restarted server (same session, same database).
  await page.goto(`${server.url}/jobs`);
  const job = page.getByRole('table', { name: 'Jobs' }).locator('tbody tr', { hasText: 'e2e-crash' });
  await expect(job).toContainText('interrupted');

  // The list: the same VMs in the same states as `vmadm list` (read again until the host settles).
  await page.goto(`${server.url}/`);
  const rows = page.getByRole('table', { name: 'Virtual machines' }).locator('tbody tr:not([aria-hidden])');
  await expect(async () => {
    const host = hostVms(server);
    await expect(rows).toHaveCount(host.length, { timeout: 1_000 });
    for (const { uuid, state } of host)
      await expect(rows.filter({ hasText: uuid.slice(0, 8) })).toContainText(state.replaceAll('_', ' '), {
        timeout: 1_000,
      });
  }).toPass({ timeout: 90_000 });
  // The VM the killed job was creating is on the host, and in the list.
  expect(hostVmState(server, 'e2e-crash')).toBeDefined();
  await expect(rows.filter({ hasText: 'e2e-crash' })).toHaveCount(1);
});
