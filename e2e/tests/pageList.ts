/**
 * The console's pages for the specs that visit every one (a11y, layout): their paths on the
 * office host, and what shows when each has finished loading.
 */
import type { Page } from '@playwright/test';

import { expect, type RunningServer } from '../fixtures/server.js';
import { runCommand } from './palette-helpers.js';

/** A KVM guest with VNC and serial consoles, running in the office profile. */
export const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
/** A joyent zone (shell console). */
export const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';

export interface PageCase {
  name: string;
  path: string;
  /** Visible once the page has its data. */
  ready: (page: Page) => Promise<void>;
}

/** The path of a case: a job's page needs a job first (see aJob). */
export async function pathOf(c: PageCase, page: Page, server: RunningServer): Promise<string> {
  return c.path === JOB_PAGE ? `/jobs/${await aJob(page, server)}` : c.path;
}

const JOB_PAGE = '/jobs/<newest>';

const heading = (name: string | RegExp) => async (page: Page) => {
  await page.getByRole('heading', { level: 1, name }).first().waitFor({ timeout: 30_000 });
};

/** Waits until no region says it is loading (LoadingRegion's aria-busy). */
export async function settled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelectorAll('[aria-busy="true"]').length === 0, null, {
    timeout: 30_000,
  });
}

/** The newest job on /jobs (the spec has started one). */
export async function firstJobId(page: Page, server: RunningServer): Promise<string> {
  await page.goto(`${server.url}/jobs`);
  const link = page.getByRole('table').getByRole('link').first();
  await link.waitFor({ timeout: 30_000 });
  const href = await link.getAttribute('href');
  const id = /\/jobs\/([^/?#]+)/.exec(href ?? '')?.[1];
  if (!id) throw new Error(`no job link on /jobs: ${href}`);
  return id;
}

export function pageCases(): PageCase[] {
  return [
    { name: 'VM list', path: '/', ready: heading(/.+/) },
    { name: 'VM summary', path: `/vms/${ELK}`, ready: heading('elk') },
    ...['network', 'disks', 'metadata', 'snapshots', 'json', 'activity'].map((tab) => ({
      name: `VM ${tab} tab`,
      path: `/vms/${ELK}?tab=${tab}`,
      ready: heading('elk'),
    })),
    { name: 'create wizard', path: '/vms/new', ready: heading(/Create/) },
    { name: 'images', path: '/images', ready: heading('Images') },
    { name: 'storage', path: '/storage', ready: heading('Storage') },
    { name: 'network', path: '/network', ready: heading('Network') },
    { name: 'services', path: '/services', ready: heading('Services') },
    { name: 'jobs', path: '/jobs', ready: heading('Jobs') },
    { name: 'a job', path: JOB_PAGE, ready: heading(/.+/) },
    { name: 'audit', path: '/audit', ready: heading('Audit') },
    { name: 'users', path: '/users', ready: heading('Users') },
    { name: 'account', path: '/account', ready: heading('Your account') },
    { name: 'hosts', path: '/hosts', ready: heading('Hosts') },
    {
      name: 'VNC console',
      path: `/consoles/${ELK}?kind=vnc`,
      ready: async (page) => {
        await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 30_000 });
      },
    },
    {
      name: 'shell console',
      path: `/consoles/${DHCP}?kind=shell`,
      ready: async (page) => {
        await page.getByRole('status').filter({ hasText: 'Connected' }).waitFor({ timeout: 30_000 });
      },
    },
  ];
}

/** A job to look at: the newest on /jobs, or one started by rebooting powerdns from the palette. */
export async function aJob(page: Page, server: RunningServer): Promise<string> {
  await page.goto(`${server.url}/jobs`);
  await page.getByRole('heading', { level: 1, name: 'Jobs' }).waitFor();
  await settled(page);
  if ((await page.getByRole('table').getByRole('link').count()) === 0) {
    await runCommand(page, 'reboot powerdns', /^Reboot powerdns/);
    const confirm = page.getByRole('dialog', { name: 'Reboot powerdns?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Reboot' }).click();
  }
  return firstJobId(page, server);
}
