import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { createApp } from '../app.js';
import { loadConfig } from '../config.js';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../http/csrfGuard.js';
import type { ServerLimits } from '../http/serverLimits.js';

/** The headers the web app's tRPC link sends with a mutation from a page on `url`. */
export function mutationHeaders(url: string, cookie?: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    origin: url,
    [CSRF_HEADER]: CSRF_HEADER_VALUE,
    ...(cookie ? { cookie } : {}),
  };
}

/**
 * A real BFF (database, sessions, the simulated host through the real driver) on a free
 * loopback port with a fresh data directory, without the Next.js web app.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { limits?: ServerLimits } = {},
) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'zonedeck-bff-'));
  const config = loadConfig({ ...env, ZONEDECK_DATA_DIR: dataDir, PORT: '0' }, []);
  const app = await createApp(config, null, options);
  await new Promise<void>((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const { port } = app.server.address() as AddressInfo;
  const password = app.initialAdminPassword;
  if (!password) throw new Error('a fresh data directory must create the admin user');
  return {
    app,
    url: `${app.scheme}://127.0.0.1:${port}`,
    password,
    async stop() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
