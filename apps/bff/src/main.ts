import next from 'next';

import { createApp } from './app.js';
import { loadConfig } from './config.js';

const config = loadConfig(process.env, process.argv);

const nextApp = next({ dev: config.dev, dir: config.webDir, hostname: config.host, port: config.port });
await nextApp.prepare();

const app = await createApp(config, {
  handle: nextApp.getRequestHandler(),
  upgrade: nextApp.getUpgradeHandler(),
});

app.server.listen(config.port, config.host, () => {
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `${app.scheme}://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  const lines = [`ZoneDeck is running at ${url}`, `  data directory: ${config.dataDir}`];
  if (app.initialAdminPassword) {
    lines.push(
      '',
      'First start: a user was created. Sign in with',
      `  user:     admin`,
      `  password: ${app.initialAdminPassword}`,
      'This password is shown only this once; only its hash is stored.',
    );
  }
  console.log(lines.join('\n'));
});

let stopping = false;
function stop(signal: string): void {
  if (stopping) return;
  stopping = true;
  console.log(`${signal}: shutting down`);
  void Promise.all([app.close(), nextApp.close()]).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
