import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';

import type { ConsoleKind, ConsoleServerMessage } from '@zonedeck/api/schemas';

import { mutationHeaders, startTestApp } from '../testing/testApp.js';

/** A console WebSocket client for tests: collects output bytes and control messages. */
export class ConsoleTestClient {
  bytes = Buffer.alloc(0);
  received = 0;
  readonly messages: ConsoleServerMessage[] = [];
  closed: { code: number; reason: string } | null = null;
  private waiters: (() => void)[] = [];

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, isBinary) => {
      if (isBinary) {
        this.received += data.length;
        // Keep the tail only: enough for prompts and command output.
        this.bytes = Buffer.concat([this.bytes, data]).subarray(-65536);
      } else {
        this.messages.push(JSON.parse(data.toString('utf8')) as ConsoleServerMessage);
      }
      this.wake();
    });
    ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
  }

  get text(): string {
    return this.bytes.toString('utf8');
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once `check` holds (re-checked on every frame and every 100 ms), or rejects after `timeoutMs`. */
  async until<T>(what: string, check: () => T | null | undefined | false, timeoutMs = 10_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = check();
      if (value) return value;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${what}; output tail:\n${this.text.slice(-500)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 100));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for `pattern` in output received after the current point. */
  async expectOutput(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray> {
    const from = this.received;
    return this.until(
      String(pattern),
      () => {
        const fresh = Math.min(this.received - from, this.bytes.length);
        return fresh > 0
          ? pattern.exec(this.bytes.subarray(this.bytes.length - fresh).toString('utf8'))
          : null;
      },
      timeoutMs,
    );
  }

  /** Closes the socket and waits until the server has closed it too. */
  async close(): Promise<void> {
    this.ws.close();
    await this.until('close', () => this.closed);
  }

  type(text: string): void {
    this.ws.send(Buffer.from(text, 'utf8'), { binary: true });
  }

  control(msg: object): void {
    this.ws.send(JSON.stringify(msg));
  }

  message<K extends ConsoleServerMessage['type']>(type: K) {
    return this.until(type, () =>
      this.messages.find((m): m is Extract<ConsoleServerMessage, { type: K }> => m.type === type),
    );
  }
}

export async function login(url: string, username: string, password: string): Promise<string> {
  const res = await fetch(`${url}/api/trpc/auth.login`, {
    method: 'POST',
    headers: mutationHeaders(url),
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: HTTP ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

export async function createTicket(
  url: string,
  cookie: string,
  input: { hostId: string; uuid: string; kind: ConsoleKind },
): Promise<{ status: number; path: string; code: string | null; message: string | null }> {
  const res = await fetch(`${url}/api/trpc/console.createTicket`, {
    method: 'POST',
    headers: mutationHeaders(url, cookie),
    body: JSON.stringify(input),
  });
  const body = (await res.json()) as {
    result?: { data: { path: string } };
    error?: { message: string; data: { code: string } };
  };
  return {
    status: res.status,
    path: body.result?.data.path ?? '',
    code: body.error?.data.code ?? null,
    message: body.error?.message ?? null,
  };
}

/** Opens `/api/console?ticket=…`; rejects with `HTTP <status>` when the upgrade is refused. */
export function openConsole(
  url: string,
  path: string,
  headers: Record<string, string>,
  protocols: string[] = [],
): Promise<ConsoleTestClient> {
  const ws = new WebSocket(`${url.replace('http', 'ws')}${path}`, protocols, { headers });
  const client = new ConsoleTestClient(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve(client));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

type TestApp = Awaited<ReturnType<typeof startTestApp>>;

/**
 * The real BFF on the simulated host for one test file: started before its tests, with the
 * admin signed in (`admin` is that session's cookie), and stopped after them.
 */
export function consoleTestApp() {
  let started: { t: TestApp; admin: string } | null = null;
  const now = () => {
    if (!started) throw new Error('the test app starts in beforeAll');
    return started;
  };
  beforeAll(async () => {
    const t = await startTestApp();
    started = { t, admin: await login(t.url, 'admin', t.password) };
  });
  afterAll(async () => {
    await started?.t.stop();
    started = null;
  });
  return {
    get app() {
      return now().t.app;
    },
    get url() {
      return now().t.url;
    },
    get password() {
      return now().t.password;
    },
    get admin() {
      return now().admin;
    },
    /** Headers of a browser on the console's origin with the session `cookie`. */
    sameOrigin(cookie = now().admin): Record<string, string> {
      return { origin: now().t.url, cookie };
    },
    /** The path of a fresh ticket for a console of the simulated host's VM; throws when refused. */
    async ticketPath(kind: ConsoleKind, uuid: string, cookie = now().admin): Promise<string> {
      const r = await createTicket(now().t.url, cookie, { hostId: 'sim', uuid, kind });
      if (r.message !== null) throw new Error(`no ${kind} ticket for ${uuid}: ${r.message}`);
      return r.path;
    },
  };
}

/** Whether process `pid` still runs. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
