// A serial port of the built-in guest on a unix socket, as QEMU's `-serial unix:PATH,server,nowait`
// offers it: raw bytes both ways; output while nobody is connected is lost, as on a real line.
import { rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

import type { LoginLine } from './loginLine.js';

export async function serveSerialPort(path: string, line: LoginLine): Promise<Server> {
  rmSync(path, { force: true });
  const clients = new Set<Socket>();
  line.onOutput((data) => {
    for (const client of clients) client.write(data);
  });
  const server = createServer((socket) => {
    clients.add(socket);
    // The line's shell reads and writes UTF-8 text; a character split between reads is joined.
    socket.setEncoding('utf8');
    socket.on('data', (data: string) => line.input(data));
    socket.on('error', () => socket.destroy());
    socket.on('close', () => clients.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(path, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return server;
}
