// The real `imgadm` executable on a fresh office host against every imgadm-* fixture. Exact
// where the fixture is about this host; where it names images.smartos.org as the configured
// source, the host's own image server (http://127.0.0.1:<port>) stands in its place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanupRoots, fixture, fixtureArgv, freshRoot, run } from '../../../test/simHarness.js';

afterAll(cleanupRoots);

const FAST = { SMARTOS_SIM_SPEED: '100' };
const MINIMAL = '39f99738-9a4c-11ec-8e1c-3b65b9abc26a';
const SMARTOS_ORG = 'https://images.smartos.org';

function hostSource(root: string): string {
  return `http://127.0.0.1:${readFileSync(join(root, 'imgapi', 'port'), 'utf8').trim()}`;
}

describe('imgadm on the office host (fixtures)', () => {
  let root: string;
  beforeAll(async () => {
    root = await freshRoot('office');
  });

  it.each([['imgadm-list.txt'], ['imgadm-list-H.txt'], ['imgadm-list-j.json'], ['imgadm-get.json']])(
    '%s: exact',
    async (name) => {
      const got = await run(root, fixtureArgv(name));
      expect(got).toEqual({ code: 0, stdout: fixture(name), stderr: '' });
    },
  );

  it('imgadm get <not installed>: ImageNotInstalled, exit 3', async () => {
    const got = await run(root, fixtureArgv('imgadm-get-not-installed.stderr.txt'));
    expect(got).toEqual({ code: 3, stdout: '', stderr: fixture('imgadm-get-not-installed.stderr.txt') });
  });

  it('imgadm delete <image with clones>: ImageHasDependentClones, first clone and the count', async () => {
    const got = await run(root, fixtureArgv('imgadm-delete-in-use.stderr.txt'));
    expect(got).toEqual({ code: 1, stdout: '', stderr: fixture('imgadm-delete-in-use.stderr.txt') });
  });

  it('imgadm import <installed>: the skipping message', async () => {
    const got = await run(root, fixtureArgv('imgadm-import-already.txt'));
    expect(got).toEqual({ code: 0, stdout: fixture('imgadm-import-already.txt'), stderr: '' });
  });

  it('imgadm avail: the fixture table, plus the catalog ubuntu-16.04 LX image (same widths)', async () => {
    const got = await run(root, fixtureArgv('imgadm-avail.txt'));
    expect(got.code).toBe(0);
    expect(got.stderr).toBe('');
    const lines = got.stdout.split('\n');
    const lx = lines.findIndex((l) => l.startsWith('7b5981c4-1889-11e7-b4c5-3f3bdfc9b88b'));
    expect(lines[lx]).toBe(
      '7b5981c4-1889-11e7-b4c5-3f3bdfc9b88b  ubuntu-16.04            20170403  linux    lx-dataset    2017-04-03',
    );
    lines.splice(lx, 1);
    expect(lines.join('\n')).toBe(fixture('imgadm-avail.txt'));
  });

  it("imgadm sources / -v / -j: the host source in the fixtures' shapes", async () => {
    const url = hostSource(root);
    const sub = (text: string): string => text.replaceAll(SMARTOS_ORG, url);
    expect(await run(root, fixtureArgv('imgadm-sources.txt'))).toEqual({
      code: 0,
      stdout: sub(fixture('imgadm-sources.txt')),
      stderr: '',
    });
    expect(JSON.parse((await run(root, fixtureArgv('imgadm-sources-j.json'))).stdout)).toEqual(
      JSON.parse(sub(fixture('imgadm-sources-j.json'))),
    );
    // tabula: the URL column is as wide as the longest URL
    const v = await run(root, fixtureArgv('imgadm-sources-v.txt'));
    expect(v.stdout).toBe(`${'URL'.padEnd(url.length)}  TYPE    INSECURE\n${url}  imgapi  -\n`);
  });

  it('imgadm sources -a / -d <url>: exact (the offline host adds a public URL unchecked)', async () => {
    expect(await run(root, fixtureArgv('imgadm-sources-a.txt'))).toEqual({
      code: 0,
      stdout: fixture('imgadm-sources-a.txt'),
      stderr: '',
    });
    const again = await run(root, fixtureArgv('imgadm-sources-a.txt'));
    expect(again.stdout).toBe('Already have "imgapi" image source "https://datasets.at/", no change\n');
    expect((await run(root, ['imgadm', 'sources'])).stdout).toBe(
      `${hostSource(root)}\nhttps://datasets.at/\n`,
    );
    expect(await run(root, fixtureArgv('imgadm-sources-d.txt'))).toEqual({
      code: 0,
      stdout: fixture('imgadm-sources-d.txt'),
      stderr: '',
    });
    const gone = await run(root, fixtureArgv('imgadm-sources-d.txt'));
    expect(gone.stdout).toBe('Do not have image source "https://datasets.at/", no change\n');
  });

  it("imgadm delete <unused image>, then imgadm import -q of it: the fixtures' lines", async () => {
    expect(await run(root, fixtureArgv('imgadm-delete.txt'))).toEqual({
      code: 0,
      stdout: fixture('imgadm-delete.txt'),
      stderr: '',
    });
    expect((await run(root, ['zfs', 'list', '-H', '-o', 'name'])).stdout).not.toContain(MINIMAL);

    const got = await run(root, fixtureArgv('imgadm-import.txt'), FAST);
    expect(got.stderr).toBe('');
    expect(got.code).toBe(0);
    // the size is the generated file's (humanSizeFromBytes: one decimal, truncated)
    const norm = (text: string): string =>
      text.replaceAll(SMARTOS_ORG, 'SOURCE').replace(/\(\d+\.\d (KiB|MiB)\)/g, '(SIZE)');
    expect(norm(got.stdout.replaceAll(hostSource(root), 'SOURCE'))).toBe(norm(fixture('imgadm-import.txt')));
    const list = await run(root, ['imgadm', 'list', '-H', '-o', 'uuid,source', `uuid=${MINIMAL}`]);
    expect(list.stdout).toBe(`${MINIMAL}  ${hostSource(root)}\n`);
    expect((await run(root, ['zfs', 'list', '-H', '-o', 'name', '-t', 'all'])).stdout).toContain(
      `zones/${MINIMAL}@final\n`,
    );
  });
});

describe('imgadm argument handling (dashdash / cmdln)', () => {
  let root: string;
  beforeAll(async () => {
    root = await freshRoot('office');
  });

  it('accepts `--` before the operand, as the driver sends it', async () => {
    const got = await run(root, [
      'imgadm',
      'get',
      '-P',
      'zones',
      '--',
      'c193a558-1d63-11e9-97cf-97bb3ee5c14f',
    ]);
    expect(got).toEqual({ code: 0, stdout: fixture('imgadm-get.json'), stderr: '' });
  });

  it.each([
    [['imgadm', 'list', '-x'], 1, 'imgadm list: error (Option): unknown option: "-x"\n'],
    [['imgadm', 'get'], 1, 'imgadm get: error (Usage): incorrect number of args (0): ""\n'],
    [['imgadm', 'get', 'nope'], 1, 'imgadm get: error (InvalidUUID): invalid uuid: "nope"\n'],
    [['imgadm', 'get', '-P'], 1, 'imgadm get: error (Option): do not have enough args for "-P" option\n'],
    [['imgadm', 'frob'], 1, 'imgadm frob: error (UnknownCommand): unknown command: "frob"\n'],
    [
      ['imgadm', 'list', 'name'],
      1,
      'imgadm list: error (Usage): invalid filter: "name" (must be of the form "field=value")\n',
    ],
    [
      ['imgadm', 'sources', '-a', 'http://x', '-d', 'http://y'],
      1,
      'imgadm sources: error (Usage): cannot specify more than one of "-a", "-d", "-e", and "-c"\n',
    ],
  ])('%j -> exit %i', async (argv, code, stderr) => {
    expect(await run(root, argv)).toEqual({ code, stdout: '', stderr });
  });

  it('list filters, -o/-s and the computed fields', async () => {
    const got = await run(root, [
      'imgadm',
      'list',
      '-o',
      'name,clones,zpool,size',
      '-s',
      '-clones',
      'os=smartos',
    ]);
    expect(got.stdout).toBe(
      [
        'NAME              CLONES  ZPOOL  SIZE',
        'base-64-lts       4       zones  155843390',
        'minimal-64-trunk  0       zones  39826381',
        '',
      ].join('\n'),
    );
    const sub = await run(root, ['imgadm', 'list', '-H', '-o', 'uuid', 'name=~ubuntu']);
    expect(sub.stdout).toBe('ac99517a-72ac-44c0-90e6-c7ce3d944a0a\n');
  });

  it('get -r: child snapshots and dependent clones', async () => {
    const got = await run(root, ['imgadm', 'get', '-r', 'ac99517a-72ac-44c0-90e6-c7ce3d944a0a']);
    const info = JSON.parse(got.stdout) as { children: { snapshots: string[]; clones: string[] } };
    expect(info.children).toEqual({
      snapshots: ['zones/ac99517a-72ac-44c0-90e6-c7ce3d944a0a@final'],
      clones: [
        'zones/4cda7281-45e1-4485-8648-848f7211c938-disk0',
        'zones/6a9d35d3-d522-4310-a724-fc38c59cd7e5-disk0',
      ],
    });
  });

  it('-E: the error as one JSON record on stderr instead of the message', async () => {
    const got = await run(root, ['imgadm', '-E', 'get', '8adac45a-a6b3-11e9-9c5d-b7f1a4b3fb58']);
    expect(got.code).toBe(3);
    const rec = JSON.parse(got.stderr) as { err: { code: string }; msg: string };
    expect(rec.err.code).toBe('ImageNotInstalled');
    expect(rec.msg).toBe('image "8adac45a-a6b3-11e9-9c5d-b7f1a4b3fb58" was not found on zpool "zones"');
  });

  it('no sources: NoSources', async () => {
    const url = hostSource(root);
    expect((await run(root, ['imgadm', 'sources', '-d', url])).code).toBe(0);
    const got = await run(root, ['imgadm', 'import', '2f1dc911-6401-4fa4-8e9d-67ea2e39c271']);
    expect(got).toEqual({
      code: 1,
      stdout: '',
      stderr: 'imgadm import: error (NoSources): imgadm has no configured sources\n',
    });
    expect((await run(root, ['imgadm', 'avail'])).stderr).toBe(
      'imgadm avail: error (NoSources): imgadm has no configured sources\n',
    );
    expect((await run(root, ['imgadm', 'sources', '-a', url])).stdout).toBe(
      `Added "imgapi" image source "${url}"\n`,
    );
  });
});
