// imgadm import end to end through the real executables: over HTTP from a second image server
// added with `imgadm sources -a`, into ZFS, usable by `vmadm create`; a corrupted transfer; two
// imports of one image at once; the progress bar on a terminal (node-pty).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { spawn as ptySpawn } from 'node-pty';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanupRoots, freshRoot, run } from '../../../test/simHarness.js';
import { startImageServer, type ImageServer } from '../../imgapi/server.js';
import { simBinDir, simEnv, stopImageServer } from '../../index.js';
import { runWithInput } from '../vmadm/testKit.js';

const BASE_23 = '2f1dc911-6401-4fa4-8e9d-67ea2e39c271';
const MINIMAL = '39f99738-9a4c-11ec-8e1c-3b65b9abc26a';
const DEBIAN = '41bd4100-eb86-409a-85b0-e649aadf6f62';
const FAST = { SMARTOS_SIM_SPEED: '100' };

const servers: ImageServer[] = [];
async function server(opts: { corruptFiles?: boolean } = {}): Promise<ImageServer> {
  const s = await startImageServer({ fileMiB: 1, ...opts });
  servers.push(s);
  return s;
}

afterAll(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await cleanupRoots();
});

function datasets(root: string): Promise<string> {
  return run(root, ['zfs', 'list', '-H', '-o', 'name', '-t', 'all']).then((r) => r.stdout);
}

describe('imgadm import from a second source', () => {
  let root: string;
  let second: ImageServer;
  beforeAll(async () => {
    root = await freshRoot('office');
    second = await server();
  });

  it('sources -a pings the new source and appends it; import uses the first source that has the image', async () => {
    const hostUrl = (await run(root, ['imgadm', 'sources'])).stdout.trim();
    expect(await run(root, ['imgadm', 'sources', '-a', second.url])).toEqual({
      code: 0,
      stdout: `Added "imgapi" image source "${second.url}"\n`,
      stderr: '',
    });
    expect((await run(root, ['imgadm', 'sources', '-d', hostUrl])).stdout).toBe(
      `Deleted "imgapi" image source "${hostUrl}"\n`,
    );
    // without -q, but stderr is not a terminal: no bar at all
    const got = await run(root, ['imgadm', 'import', '--', BASE_23], FAST);
    expect(got.stderr).toBe('');
    expect(got.code).toBe(0);
    expect(got.stdout).toMatch(
      new RegExp(
        [
          `^Importing ${BASE_23} \\(base-64-lts@23\\.4\\.0\\) from "${second.url}"`,
          `Gather image ${BASE_23} ancestry`,
          'Must download and install 1 image \\((\\d+\\.\\d [KM]iB)\\)',
          `Downloaded image ${BASE_23} \\(\\1\\)`,
          `Imported image ${BASE_23} \\(base-64-lts@23\\.4\\.0\\)\n$`,
        ].join('\n'),
      ),
    );
    const info = JSON.parse((await run(root, ['imgadm', 'get', BASE_23])).stdout) as Record<string, unknown>;
    expect(Object.keys(info)).toEqual(['manifest', 'zpool', 'source']);
    expect(info.source).toBe(second.url);
    const avail = JSON.parse((await run(root, ['imgadm', 'avail', '-j'])).stdout) as {
      manifest: { uuid: string };
    }[];
    const served = avail.find((a) => a.manifest.uuid === BASE_23);
    expect((info.manifest as Record<string, unknown>).files).toEqual(
      (served?.manifest as Record<string, unknown> | undefined)?.files,
    );
    expect(readdirSync(join(root, 'var', 'tmp', '.imgadm-downloads'))).toEqual([]);
  });

  it('the imported image provisions a zone; delete is refused while the zone exists', async () => {
    const payload = {
      brand: 'joyent',
      image_uuid: BASE_23,
      alias: 'from-import',
      max_physical_memory: 128,
      nics: [{ nic_tag: 'admin', ip: 'dhcp' }],
    };
    const created = await runWithInput(root, ['vmadm', 'create'], JSON.stringify(payload), FAST);
    expect(created.code).toBe(0);
    const vm = /Successfully created VM (\S+)/.exec(created.stderr)?.[1] ?? '';

    const list = JSON.parse((await run(root, ['imgadm', 'list', '-j'])).stdout) as {
      manifest: { uuid: string };
      cloneNames: string[];
      clones: number;
    }[];
    const mine = list.find((i) => i.manifest.uuid === BASE_23);
    expect(mine).toMatchObject({ cloneNames: [`zones/${vm}`], clones: 1 });

    expect(await run(root, ['imgadm', 'delete', BASE_23])).toEqual({
      code: 1,
      stdout: '',
      stderr: `imgadm delete: error (ImageHasDependentClones): image "${BASE_23}" has dependent clones: zones/${vm}\n`,
    });
    expect((await runWithInput(root, ['vmadm', 'delete', vm], '', FAST)).code).toBe(0);
    expect(await run(root, ['imgadm', 'delete', BASE_23])).toEqual({
      code: 0,
      stdout: `Deleted image ${BASE_23}\n`,
      stderr: '',
    });
    expect(await datasets(root)).not.toContain(BASE_23);
    expect((await run(root, ['imgadm', 'get', BASE_23])).code).toBe(3);
  });

  it('a zvol image imports as a volume of image_size with @final', async () => {
    const r = await run(root, ['imgadm', 'delete', MINIMAL]);
    expect(r.code).toBe(0);
    const got = await run(root, ['imgadm', 'import', '-q', DEBIAN], FAST);
    expect(got.code).toBe(0);
    const types = await run(root, [
      'zfs',
      'list',
      '-H',
      '-o',
      'name,type',
      '-t',
      'all',
      '-r',
      `zones/${DEBIAN}`,
    ]);
    expect(types.stdout).toBe(`zones/${DEBIAN}\tfilesystem\nzones/${DEBIAN}@final\tsnapshot\n`);
  });
});

describe('imgadm import failures and locking', () => {
  let root: string;
  beforeAll(async () => {
    root = await freshRoot('office');
  });

  it('a corrupted transfer: the sha1 check fails, Aborting, DownloadError, nothing installed', async () => {
    const bad = await server({ corruptFiles: true });
    const got = await run(root, ['imgadm', 'import', '-q', '-S', bad.url, '--', BASE_23], FAST);
    expect(got.code).toBe(1);
    const m =
      /^image \S+ file checksum \(sha1\) error: expected "([0-9a-f]{40})", downloaded checksum was "([0-9a-f]{40})"$/.exec(
        /Aborting \((.*)\)\n$/.exec(got.stdout)?.[1] ?? '',
      );
    expect(m).not.toBeNull();
    expect(m?.[1]).not.toBe(m?.[2]);
    expect(got.stderr).toMatch(
      new RegExp(
        `^imgadm import: error \\(DownloadError\\): image ${BASE_23} file checksum \\(sha1\\) error: `,
      ),
    );
    expect(await datasets(root)).not.toContain(BASE_23);
    expect(readdirSync(join(root, 'var', 'tmp', '.imgadm-downloads'))).toEqual([]);
    expect((await run(root, ['imgadm', 'get', BASE_23])).code).toBe(3);
  });

  it('an image no source has: ActiveImageNotFound', async () => {
    const got = await run(root, ['imgadm', 'import', '00000000-0000-4000-8000-000000000000']);
    expect(got).toEqual({
      code: 1,
      stdout: '',
      stderr:
        'imgadm import: error (ActiveImageNotFound): an active image "00000000-0000-4000-8000-000000000000" was not found in image sources\n',
    });
  });

  it('two imports of one image at once: the second waits for the import lock, then skips', async () => {
    const src = await server();
    // ~1.1 MiB at 0.6 MiB/s: the first holds the lock for seconds
    const slow = { SMARTOS_SIM_SPEED: '0.3' };
    const first = run(root, ['imgadm', 'import', '-q', '-S', src.url, BASE_23], slow);
    // the first is downloading (its partial file grows) before the second starts
    const partial = join(root, 'var', 'tmp', '.imgadm-downloads', `${BASE_23}.file.partial`);
    for (let i = 0; i < 200 && !existsSync(partial); i += 1) await new Promise((r) => setTimeout(r, 25));
    expect(existsSync(partial)).toBe(true);
    const second = await run(root, ['imgadm', 'import', '-q', '-S', src.url, BASE_23], slow);
    const one = await first;
    expect(one.code).toBe(0);
    expect(one.stdout).toContain(`Imported image ${BASE_23} (base-64-lts@23.4.0)\n`);
    expect(second).toEqual({
      code: 0,
      stdout: [
        `Importing ${BASE_23} (base-64-lts@23.4.0) from "${src.url}"`,
        `Gather image ${BASE_23} ancestry`,
        `Waiting for image ${BASE_23} import lock`,
        `Image ${BASE_23} (base-64-lts@23.4.0) was imported while waiting on lock`,
        '',
      ].join('\n'),
      stderr: '',
    });
    expect(existsSync(join(root, 'var', 'run', `img.${BASE_23}.import.lock`))).toBe(false);
  }, 30_000);
});

describe('imgadm import on a terminal', () => {
  it('draws the progress bar on stderr (ESC[1G redraws, at most 2 a second) and ends it at 100%', async () => {
    const root = await freshRoot('office');
    const src = await server();
    const started = Date.now();
    const got = await new Promise<{ text: string; code: number }>((resolve) => {
      const term = ptySpawn(join(simBinDir, 'imgadm'), ['import', '-S', src.url, BASE_23], {
        name: 'xterm',
        cols: 80,
        rows: 24,
        // ~1.1 MiB at 0.5 MiB/s: past the 2 s warm-up, so the rate and ETA show
        env: { ...process.env, ...simEnv(root), SMARTOS_SIM_SPEED: '0.25', TERM: 'xterm' },
      });
      let text = '';
      term.onData((d) => (text += d));
      term.onExit(({ exitCode }) => resolve({ text, code: exitCode }));
    });
    const elapsed = (Date.now() - started) / 1000;
    expect(got.code).toBe(0);
    const draws = got.text.split('\x1b[1G').slice(1);
    expect(draws.length).toBeGreaterThan(1);
    expect(draws.length).toBeLessThanOrEqual(Math.ceil(elapsed * 2) + 8);
    for (const d of draws) {
      // filestr + [bar] + info fill the terminal but its last column (progbar's layout)
      const line = d.split('\r\n', 1)[0] ?? '';
      expect(line.length, JSON.stringify(d)).toBe(79);
      expect(line, JSON.stringify(d)).toMatch(
        /^Download 1 image {5}\[=*>? *\] +\d{1,3}% +\d+(\.\d\d)?[KMG]?B( +\d+(\.\d\d)?[KMG]?B\/s +\S+| {18})$/,
      );
    }
    const last = draws[draws.length - 1] ?? '';
    expect(last).toMatch(/^Download 1 image {5}\[=+>\] 100% +\d+\.\d\dMB +\d+\.\d\d[KM]B\/s +\d+s\r\n/);
    expect(last).toContain(`\r\nDownloaded image ${BASE_23} (`);
    expect(last).toMatch(new RegExp(`Imported image ${BASE_23} \\(base-64-lts@23\\.4\\.0\\)\\r\\n$`));
    expect(got.text.startsWith(`Importing ${BASE_23} (base-64-lts@23.4.0) from "${src.url}"\r\n`)).toBe(true);
  }, 30_000);
});

describe("the host's own image server", () => {
  it('is started by imgadm on the port chosen at init, and again after it stops or the host resets', async () => {
    const root = await freshRoot('office');
    const port = readFileSync(join(root, 'imgapi', 'port'), 'utf8').trim();
    const url = `http://127.0.0.1:${port}`;
    expect((await run(root, ['imgadm', 'sources'])).stdout).toBe(`${url}\n`);
    expect((await run(root, ['imgadm', 'avail', '-H', '-o', 'uuid', `uuid=${BASE_23}`])).stdout).toBe(
      `${BASE_23}\n`,
    );
    const pid = readFileSync(join(root, 'imgapi', 'pid'), 'utf8').trim();
    expect(await stopImageServer(root)).toBe(true);
    expect(existsSync(join(root, 'imgapi', 'pid'))).toBe(false);

    expect((await run(root, ['smartos-sim', 'reset'])).code).toBe(0);
    expect(readFileSync(join(root, 'imgapi', 'port'), 'utf8').trim()).toBe(port);
    expect((await run(root, ['imgadm', 'avail', '-H', '-o', 'uuid', `uuid=${BASE_23}`])).stdout).toBe(
      `${BASE_23}\n`,
    );
    expect(readFileSync(join(root, 'imgapi', 'pid'), 'utf8').trim()).not.toBe(pid);
    expect((await run(root, ['smartos-sim', 'imgapi', 'url'])).stdout).toBe(`${url}\n`);
  });
});
