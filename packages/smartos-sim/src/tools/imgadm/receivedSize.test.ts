// An imported image lands in the pool at the real image's size (the download is scaled down for
// speed, the pool is not), shaped like the installed image of the same name; on the office host
// importing base-64-lts 23.4.0 and creating a zone from it each move `zpool list`'s dedup ratio.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cleanupRoots, freshRoot, run } from '../../../test/simHarness.js';
import { catalog } from '../../imgapi/catalog.js';
import { startImageServer, type ImageServer } from '../../imgapi/server.js';
import { runWithInput } from '../vmadm/testKit.js';

const BASE_18 = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
const BASE_23 = '2f1dc911-6401-4fa4-8e9d-67ea2e39c271';
const FAST = { SMARTOS_SIM_SPEED: '100' };

let server: ImageServer;
let root: string;
beforeAll(async () => {
  server = await startImageServer({ fileMiB: 1 });
  root = await freshRoot('office');
});
afterAll(async () => {
  await server.close();
  await cleanupRoots();
});

const dedupratio = async (): Promise<string> =>
  (await run(root, ['zpool', 'list', '-H', '-o', 'dedupratio', 'zones'])).stdout.trim();

async function props(ds: string): Promise<Record<string, string>> {
  const out = (
    await run(root, ['zfs', 'get', '-H', '-p', '-o', 'property,value', 'logicalreferenced,compressratio', ds])
  ).stdout;
  return Object.fromEntries(
    out
      .trim()
      .split('\n')
      .map((l) => l.split('\t') as [string, string]),
  );
}

async function fileSize(uuid: string): Promise<number> {
  const m = JSON.parse((await run(root, ['imgadm', 'get', uuid])).stdout) as {
    manifest: { files: { size: number }[] };
  };
  return m.manifest.files[0]?.size ?? 0;
}

describe('an imported image in the pool', () => {
  it('holds the real stream, shaped like base-64-lts 18.4.0; import and a zone from it move the dedup ratio', async () => {
    expect(await dedupratio()).toBe('1.37x');
    const imported = await run(root, ['imgadm', 'import', '-S', server.url, BASE_23], FAST);
    expect(imported.code, imported.stderr).toBe(0);
    // a unique image: new DDT entries, the ratio falls
    expect(await dedupratio()).toBe('1.36x');

    const old = await props(`zones/${BASE_18}`);
    const now = await props(`zones/${BASE_23}`);
    expect(now.compressratio).toBe(old.compressratio);
    const real = catalog.find((c) => c.manifest.uuid === BASE_23)?.realFileSize ?? 0;
    const perFileByte = Number(old.logicalreferenced) / (await fileSize(BASE_18));
    expect(Number(now.logicalreferenced) / real).toBeCloseTo(perFileByte, 1);
    // far more than the 1 MiB file that was downloaded
    expect(Number(now.logicalreferenced)).toBeGreaterThan(100 * (await fileSize(BASE_23)));

    const payload = { brand: 'joyent', image_uuid: BASE_23, alias: 'z23', max_physical_memory: 128 };
    const created = await runWithInput(root, ['vmadm', 'create'], JSON.stringify(payload), FAST);
    expect(created.code, created.stderr).toBe(0);
    // the clone references the image's blocks through the DDT once more: the ratio rises
    expect(await dedupratio()).toBe('1.38x');
  }, 60_000);
});
