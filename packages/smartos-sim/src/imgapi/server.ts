// An IMGAPI-compatible image server on loopback, serving the catalog (catalog.ts) with
// generated files. Start it in-process with startImageServer(); `smartos-sim imgapi serve`
// runs one as a daemon for a host (daemon.ts), which imgadm starts on first need.
import { createServer } from 'node:http';

import { defaultCacheDir } from './fileCache.js';
import { hostImgapiPort, imageServerUrl, LOOPBACK } from './hostFiles.js';
import { DEFAULT_FILE_MIB } from './imageFile.js';
import { handleRequest } from './routes.js';
import { servedCatalog } from './servedCatalog.js';

export const IMAGE_MIB_ENV = 'SMARTOS_SIM_IMAGE_MIB';

export interface ImageServerOptions {
  /** a host state directory: without `port`, serve on the port its sources.json points at */
  root?: string;
  /** TCP port on 127.0.0.1; default: the host's (with root) or any free one */
  port?: number;
  /** MiB of the generated file of a ~150 MB image; default $SMARTOS_SIM_IMAGE_MIB or 4 */
  fileMiB?: number;
  /** where generated files are kept (default: a directory under the OS temp dir) */
  cacheDir?: string;
  /** serve corrupted file bytes (their sha1 does not match the manifests'): for tests */
  corruptFiles?: boolean;
}

export interface ImageServer {
  url: string;
  port: number;
  close: () => Promise<void>;
}

export function fileMiBFrom(env: NodeJS.ProcessEnv): number {
  const n = Number(env[IMAGE_MIB_ENV]);
  return Number.isFinite(n) && n > 0 ? n : DEFAULT_FILE_MIB;
}

export async function startImageServer(opts: ImageServerOptions = {}): Promise<ImageServer> {
  const images = servedCatalog({
    fileMiB: opts.fileMiB ?? fileMiBFrom(process.env),
    cacheDir: opts.cacheDir ?? defaultCacheDir(),
  });
  const corruptFiles = opts.corruptFiles === true;
  const server = createServer((req, res) => handleRequest(req, res, { images, corruptFiles }));
  server.keepAliveTimeout = 1000;
  const wanted = opts.port ?? (opts.root !== undefined ? await hostImgapiPort(opts.root) : 0);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(wanted, LOOPBACK, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address();
  const port = typeof addr === 'object' && addr !== null ? addr.port : wanted;
  return {
    url: imageServerUrl(port),
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
