import { describe, expect, it } from 'vitest';

import { fixture, fixturesFor } from '../../test/fixtureFiles.js';
import { ImageImportEvent, ImageInfo } from '../model/image.js';
import {
  parseImgadmAvailJson,
  parseImgadmDelete,
  parseImgadmGet,
  parseImgadmImport,
  parseImgadmListJson,
  parseImgadmSources,
  parseImgadmSourcesChange,
  parseImgadmTable,
} from './imgadm.js';

const BASE = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';

describe('imgadm list -j / get', () => {
  it('reads installed images with their clones', () => {
    const images = parseImgadmListJson(fixture('imgadm-list-j.json').text);
    expect(images.map((i) => [i.manifest.name, i.manifest.type, i.clones])).toEqual([
      ['ubuntu-certified-18.04', 'zvol', 2],
      ['base-64-lts', 'zone-dataset', 4],
      ['minimal-64-trunk', 'zone-dataset', 0],
    ]);
    expect(images[0]?.manifest.requirements?.ssh_key).toBe(true);
    expect(images[0]?.manifest.image_size).toBe(10240);
    expect(images[1]?.cloneNames).toContain('zones/024ab643-ed65-48ab-95f8-5e5976539bfa');
    for (const i of images) expect(ImageInfo.parse(i)).toEqual(i);
  });

  it('reads imgadm get', () => {
    const image = parseImgadmGet(fixture('imgadm-get.json').text);
    expect(image).toMatchObject({ zpool: 'zones', source: 'https://images.smartos.org' });
    expect(image.manifest).toMatchObject({
      uuid: BASE,
      name: 'base-64-lts',
      version: '18.4.0',
      os: 'smartos',
    });
  });

  it('keeps manifest fields it does not know, and rejects a manifest without a uuid', () => {
    const extra = JSON.stringify({
      manifest: { uuid: BASE, name: 'x', version: '1', type: 'other', os: 'other', channels: ['dev'] },
      zpool: 'zones',
    });
    expect(parseImgadmGet(extra).manifest.channels).toEqual(['dev']);
    expect(() => parseImgadmGet('{"manifest": {"name": "x"}, "zpool": "zones"}')).toThrow(/manifest\.uuid/);
    expect(() => parseImgadmListJson('not json')).toThrow(/not JSON/);
  });

  it('reads avail -j (manifests)', () => {
    const manifests = parseImgadmAvailJson(
      JSON.stringify([
        { uuid: BASE, name: 'base-64-lts', version: '18.4.0', type: 'zone-dataset', os: 'smartos' },
      ]),
    );
    expect(manifests[0]?.name).toBe('base-64-lts');
  });

  it('reads avail -j as imgadm prints it: [{manifest, source}]', () => {
    const manifests = parseImgadmAvailJson(
      JSON.stringify([
        {
          manifest: {
            uuid: BASE,
            name: 'base-64-lts',
            version: '18.4.0',
            type: 'zone-dataset',
            os: 'smartos',
          },
          source: 'https://images.smartos.org',
        },
      ]),
    );
    expect(manifests.map((m) => [m.uuid, m.name])).toEqual([[BASE, 'base-64-lts']]);
  });
});

describe('imgadm list / avail tables', () => {
  it.each(
    [...fixturesFor('imgadm', 'list'), ...fixturesFor('imgadm', 'avail')]
      .filter((f) => !f.argv.includes('-j'))
      .map((f) => [f.file, f] as const),
  )('%s', (_file, f) => {
    const rows = parseImgadmTable(f.text, f.argv.includes('-H') ? { fields: undefined } : {});
    expect(rows.length).toBeGreaterThanOrEqual(3);
    expect(rows[1]).toEqual({
      uuid: BASE,
      name: 'base-64-lts',
      version: '18.4.0',
      os: 'smartos',
      type: 'zone-dataset',
      pub: '2019-01-21',
    });
  });

  it('reads -H with -o fields and values wider than the headers', () => {
    const rows = parseImgadmTable(
      'c193a558-1d63-11e9-97cf-97bb3ee5c14f  a-very-long-image-name-for-a-test  -\n',
      { fields: ['uuid', 'name', 'clones'] },
    );
    expect(rows).toEqual([{ uuid: BASE, name: 'a-very-long-image-name-for-a-test', clones: null }]);
  });
});

describe('imgadm sources', () => {
  it.each(
    fixturesFor('imgadm', 'sources')
      .filter((f) => f.argv.length === 2 || f.argv[2] === '-j' || f.argv[2] === '-v')
      .map((f) => [f.file, f] as const),
  )('%s', (_file, f) => {
    const sources = parseImgadmSources(f.text);
    expect(sources).toHaveLength(1);
    expect(sources[0]?.url).toBe('https://images.smartos.org');
    expect(sources[0]?.insecure).toBe(false);
    if (f.argv.length > 2) expect(sources[0]?.type).toBe('imgapi');
  });

  it('reads -a and -d, with and without a change', () => {
    expect(parseImgadmSourcesChange(fixture('imgadm-sources-a.txt').text)).toEqual({
      action: 'added',
      changed: true,
      type: 'imgapi',
      url: 'https://datasets.at/',
    });
    expect(parseImgadmSourcesChange(fixture('imgadm-sources-d.txt').text)).toMatchObject({
      action: 'deleted',
      changed: true,
    });
    expect(
      parseImgadmSourcesChange('Already have "imgapi" image source "https://datasets.at/", no change\n'),
    ).toMatchObject({ action: 'added', changed: false });
    expect(parseImgadmSourcesChange('Do not have image source "https://x/", no change\n')).toMatchObject({
      action: 'deleted',
      changed: false,
      url: 'https://x/',
    });
    expect(parseImgadmSourcesChange('Added image source "https://old/"\n').type).toBeNull();
  });
});

describe('imgadm delete and import', () => {
  it('reads delete', () => {
    expect(parseImgadmDelete(fixture('imgadm-delete.txt').text)).toEqual({
      uuid: '39f99738-9a4c-11ec-8e1c-3b65b9abc26a',
    });
  });

  it('turns import lines into events', () => {
    const uuid = '39f99738-9a4c-11ec-8e1c-3b65b9abc26a';
    const events = parseImgadmImport(fixture('imgadm-import.txt').text);
    expect(events).toEqual([
      {
        kind: 'importing',
        uuid,
        name: 'minimal-64-trunk',
        version: '20220302',
        source: 'https://images.smartos.org',
      },
      { kind: 'gather', uuid },
      { kind: 'must-download', count: 1, sizeBytes: 38 * 2 ** 20 },
      { kind: 'downloaded', uuid, sizeBytes: 38 * 2 ** 20 },
      { kind: 'imported', uuid, name: 'minimal-64-trunk', version: '20220302' },
    ]);
    for (const e of events) expect(ImageImportEvent.parse(e)).toEqual(e);
  });

  it('reads already-installed, lock waits, a redrawn bar and unknown lines', () => {
    expect(parseImgadmImport(fixture('imgadm-import-already.txt').text)).toEqual([
      { kind: 'already-installed', uuid: BASE, name: 'base-64-lts', version: '18.4.0' },
    ]);
    const text = `Waiting for image ${BASE} import lock\nDownload 1 image     [=====>        ]  42%  62.5MB  9.42MB/s     9s\rDownload 1 image     [=============>] 100%  148.6MB  9.42MB/s     2s\nsomething else\n`;
    expect(parseImgadmImport(text)).toEqual([
      { kind: 'waiting-for-lock', uuid: BASE },
      {
        kind: 'progress',
        percent: 42,
        bytes: Math.round(62.5 * 2 ** 20),
        bytesPerSecond: Math.round(9.42 * 2 ** 20),
        etaSeconds: 9,
      },
      {
        kind: 'progress',
        percent: 100,
        bytes: Math.round(148.6 * 2 ** 20),
        bytesPerSecond: Math.round(9.42 * 2 ** 20),
        etaSeconds: 2,
      },
      { kind: 'other', line: 'something else' },
    ]);
  });
});
