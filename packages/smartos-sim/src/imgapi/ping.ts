import { get } from 'node:http';

/** Whether an IMGAPI answers `GET /ping` at `url` (`{"ping": "pong", "imgapi": true}`). */
export function pingImgapi(url: string, timeoutMs = 1000): Promise<boolean> {
  return new Promise((resolve) => {
    const req = get(`${url}/ping`, { agent: false, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        try {
          const body: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          resolve(res.statusCode === 200 && (body as { imgapi?: unknown }).imgapi === true);
        } catch {
          resolve(false);
        }
      });
      res.on('error', () => resolve(false));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(false));
  });
}
