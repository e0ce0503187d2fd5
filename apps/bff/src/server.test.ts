import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { mutationHeaders, startTestApp } from './testing/testApp.js';

let t: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.stop();
});

async function login(password: string) {
  return fetch(`${t.url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: mutationHeaders(t.url),
    body: JSON.stringify({ username: 'admin', password }),
  });
}

function cookieOf(res: Response): string {
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0] ?? '';
}

describe('HTTP API', () => {
  it('refuses an unauthenticated procedure with 401', async () => {
    const res = await fetch(`${t.url}/api/trpc/host.list`);
    expect(res.status).toBe(401);
  });

  it('refuses a wrong password with 401 and sets no cookie', async () => {
    const res = await login('wrong');
    expect(res.status).toBe(401);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('signs in with an httpOnly SameSite=Strict session cookie, serves data, and signs out', async () => {
    const res = await login(t.password);
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^zonedeck_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Strict');
    const cookie = cookieOf(res);

    const vms = await fetch(
      `${t.url}/api/trpc/vm.list?input=${encodeURIComponent(JSON.stringify({ hostId: 'sim' }))}`,
      {
        headers: { cookie },
      },
    );
    expect(vms.status).toBe(200);
    const body = (await vms.json()) as { result: { data: { alias: string }[] } };
    expect(body.result.data.map((v) => v.alias).sort()).toEqual(
      ['DHCP', 'MySQL-PerconaDB', 'OCS Inventory NG', 'elk', 'powerdns', 'samba'].sort(),
    );

    const out = await fetch(`${t.url}/api/trpc/auth.logout`, {
      method: 'POST',
      headers: mutationHeaders(t.url, cookie),
    });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toContain('Max-Age=0');
    const after = await fetch(`${t.url}/api/trpc/host.list`, { headers: { cookie } });
    expect(after.status).toBe(401);
  });

  it('stops a VM on the host as a job, audited, and refuses a second job on it meanwhile', async () => {
    const cookie = cookieOf(await login(t.password));
    const post = (proc: string, input: unknown) =>
      fetch(`${t.url}/api/trpc/${proc}`, {
        method: 'POST',
        headers: mutationHeaders(t.url, cookie),
        body: JSON.stringify(input),
      });
    const get = async (proc: string, input: unknown) => {
      const res = await fetch(
        `${t.url}/api/trpc/${proc}?input=${encodeURIComponent(JSON.stringify(input))}`,
        {
          headers: { cookie },
        },
      );
      return ((await res.json()) as { result: { data: unknown } }).result.data;
    };
    const samba = { hostId: 'sim', uuid: '153831fc-2af9-44c8-9ba5-fad507337cc2' };
    const res = await post('vm.stop', samba);
    expect(res.status).toBe(200);
    const job = ((await res.json()) as { result: { data: { id: string; state: string } } }).result.data;
    expect(job.state).toBe('running');
    const busy = await post('vm.start', samba);
    expect(busy.status).toBe(409);

    let detail = (await get('job.get', { id: job.id })) as { state: string; message: string };
    for (let i = 0; i < 100 && detail.state === 'running'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      detail = (await get('job.get', { id: job.id })) as { state: string; message: string };
    }
    expect(detail).toMatchObject({
      state: 'succeeded',
      message: `Successfully completed stop for VM ${samba.uuid}`,
    });
    const vms = (await get('vm.list', { hostId: 'sim' })) as { uuid: string; state: string }[];
    expect(vms.find((v) => v.uuid === samba.uuid)?.state).toBe('stopped');
    const audit = (await get('audit.list', { limit: 5 })) as { action: string; result: string }[];
    expect(audit.slice(0, 2).map((a) => `${a.action} ${a.result}`)).toEqual([
      'vm.stop ok',
      'vm.start refused',
    ]);
  });

  it('rejects an oversized request body', async () => {
    const res = await fetch(`${t.url}/api/trpc/auth.login`, {
      method: 'POST',
      headers: mutationHeaders(t.url),
      body: JSON.stringify({ username: 'admin', password: 'x'.repeat(2 << 20) }),
    });
    expect(res.status).toBe(413);
  });
});

describe('/api/console WebSocket', () => {
  function open(headers: Record<string, string>): Promise<WebSocket> {
    const ws = new WebSocket(`${t.url.replace('http', 'ws')}/api/console`, { headers });
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
      ws.once('error', reject);
    });
  }

  it('refuses an upgrade without a session', async () => {
    await expect(open({ origin: t.url })).rejects.toThrow('HTTP 401');
  });

  it('refuses a cross-site upgrade even with a valid session', async () => {
    const cookie = cookieOf(await login(t.password));
    await expect(open({ origin: 'http://evil.example', cookie })).rejects.toThrow('HTTP 403');
  });

  it('refuses a signed-in same-origin upgrade without a console ticket', async () => {
    const cookie = cookieOf(await login(t.password));
    await expect(open({ origin: t.url, cookie })).rejects.toThrow('HTTP 403');
  });
});

describe('dangerous vmadm properties', () => {
  const samba = { hostId: 'sim', uuid: '153831fc-2af9-44c8-9ba5-fad507337cc2' };
  const lofs = { add_filesystems: [{ type: 'lofs', source: '/etc', target: '/mnt/gz-etc' }] };

  async function update(app: typeof t, payload: Record<string, unknown>) {
    const cookie = cookieOf(
      await fetch(`${app.url}/api/trpc/auth.login`, {
        method: 'POST',
        headers: mutationHeaders(app.url),
        body: JSON.stringify({ username: 'admin', password: app.password }),
      }),
    );
    return fetch(`${app.url}/api/trpc/vm.update`, {
      method: 'POST',
      headers: mutationHeaders(app.url, cookie),
      body: JSON.stringify({ ...samba, payload }),
    });
  }

  it('refuses a lofs mount or qemu options for an admin, naming the property, and starts no job', async () => {
    const res = await update(t, lofs);
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { message: string } };
    expect(body.error.message).toMatch(/^add_filesystems: refused/);
    expect((await t.app.hosts.driver('sim').getVm(samba.uuid)).filesystems).toBeUndefined();

    const vmsBefore = (await t.app.hosts.driver('sim').listVms()).length;
    const zone = {
      brand: 'joyent',
      alias: 'gz-peek',
      image_uuid: 'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
      ram: 256,
      quota: 5,
      nics: [{ nic_tag: 'admin', ip: '192.168.1.77', netmask: '255.255.255.0', gateway: '192.168.1.1' }],
    };
    for (const [proc, extra, name] of [
      ['vm.create', { qemu_extra_opts: '-monitor tcp::4444,server' }, 'qemu_extra_opts'],
      ['vm.validate', { filesystems: [{ type: 'lofs', source: '/', target: '/gz' }] }, 'filesystems'],
      [
        'vm.create',
        { nics: [{ nic_tag: 'admin', ips: ['dhcp'], allow_ip_spoofing: true }] },
        'nics[0].allow_ip_spoofing',
      ],
    ] as const) {
      const created = await fetch(`${t.url}/api/trpc/${proc}`, {
        method: 'POST',
        headers: mutationHeaders(t.url, cookieOf(await login(t.password))),
        body: JSON.stringify({ hostId: 'sim', spec: zone, extra }),
      });
      expect(created.status, proc).toBe(403);
      expect(((await created.json()) as { error: { message: string } }).error.message).toMatch(
        new RegExp(`^${name.replace(/[[\]]/g, '\\$&')}: refused`),
      );
    }
    expect((await t.app.hosts.driver('sim').listVms()).length).toBe(vmsBefore);
  });

  it('passes a property the server allows by ZONEDECK_ALLOW_VM_PROPERTIES to the host', async () => {
    const allowing = await startTestApp({ ZONEDECK_ALLOW_VM_PROPERTIES: 'filesystems' });
    try {
      const res = await update(allowing, lofs);
      expect(res.status).toBe(200);
      const job = ((await res.json()) as { result: { data: { kind: string } } }).result.data;
      expect(job.kind).toBe('vm.update');
      expect((await update(allowing, { qemu_extra_opts: '-S' })).status).toBe(403);
    } finally {
      await allowing.stop();
    }
  });
});
