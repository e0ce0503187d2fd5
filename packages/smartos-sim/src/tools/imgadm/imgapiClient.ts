// The IMGAPI client side of imgadm: GET JSON from a source and open an image file stream.
// The simulated host reaches only loopback: a source elsewhere (images.smartos.org, ...) fails
// at once as an unreachable network would, instead of hanging on a sandbox's firewall.
import { get, type IncomingMessage } from 'node:http';

import { ImgadmError } from './errors.js';

const TIMEOUT_MS = 30_000;

/** A failed request: an HTTP error status with IMGAPI's {code, message}, or a socket error. */
export class ClientFailure extends Error {
  readonly statusCode: number | undefined;
  readonly restCode: string | undefined;
  readonly errno: string | undefined;
  constructor(message: string, opts: { statusCode?: number; restCode?: string; errno?: string }) {
    super(message);
    this.name = 'ClientFailure';
    this.statusCode = opts.statusCode;
    this.restCode = opts.restCode;
    this.errno = opts.errno;
  }

  /** As cmdln prints a raw client error: its code and message. */
  toImgadmError(): ImgadmError {
    return new ImgadmError(this.restCode ?? this.errno ?? 'InternalError', this.message);
  }
}

export function isLoopbackUrl(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === 'localhost' || host === '[::1]' || /^127\.\d+\.\d+\.\d+$/.test(host);
  } catch {
    return false;
  }
}

function endpoint(base: string, path: string): URL {
  return new URL(path, base.endsWith('/') ? base : `${base}/`);
}

function unreachable(url: URL): ClientFailure {
  const port = url.port !== '' ? url.port : url.protocol === 'https:' ? '443' : '80';
  return new ClientFailure(`connect ENETUNREACH ${url.hostname}:${port}`, { errno: 'ENETUNREACH' });
}

/** GET `path` below `base`; resolves with the response once its headers arrived. */
export function request(base: string, path: string): Promise<IncomingMessage> {
  const url = endpoint(base, path);
  if (!isLoopbackUrl(url.href) || url.protocol !== 'http:') return Promise.reject(unreachable(url));
  return new Promise((resolve, reject) => {
    const req = get(url, { agent: false, timeout: TIMEOUT_MS }, resolve);
    req.on('timeout', () => req.destroy(new ClientFailure('request timeout', { errno: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => {
      reject(
        err instanceof ClientFailure ? err : new ClientFailure(err.message, { errno: err.code ?? 'EIO' }),
      );
    });
  });
}

async function readBody(res: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** An error response as the IMGAPI client reports it. */
export async function failureOf(res: IncomingMessage): Promise<ClientFailure> {
  const text = await readBody(res);
  try {
    const body = JSON.parse(text) as { code?: unknown; message?: unknown };
    if (typeof body.code === 'string' && typeof body.message === 'string')
      return new ClientFailure(body.message, { statusCode: res.statusCode ?? 0, restCode: body.code });
  } catch {
    // not JSON: below
  }
  return new ClientFailure(`statusCode ${res.statusCode ?? 0}`, { statusCode: res.statusCode ?? 0 });
}

export async function getJson(base: string, path: string): Promise<unknown> {
  const res = await request(base, path);
  if (res.statusCode !== 200) throw await failureOf(res);
  const text = await readBody(res);
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ClientFailure(`invalid JSON in response to GET ${path}`, { statusCode: res.statusCode });
  }
}
