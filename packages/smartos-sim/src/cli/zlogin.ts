import { requireSimLayout, SimRootError } from '../state/simRoot.js';
import { zlogin } from '../tools/zlogin/zlogin.js';

// zlogin streams (a terminal session), so it does not go through runMain's collect-and-print.
zlogin(process.argv.slice(2), () => requireSimLayout(process.env), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  onResize: (listener) => {
    process.stdout.on('resize', listener);
    return () => process.stdout.off('resize', listener);
  },
}).then(
  (code) => {
    // the pty and sockets may hold the event loop: leave once stdout is flushed
    process.stdout.write('', () => process.exit(code));
  },
  (err: unknown) => {
    process.stderr.write(
      `${err instanceof SimRootError || !(err instanceof Error) ? String(err instanceof Error ? err.message : err) : (err.stack ?? err.message)}\n`,
    );
    process.exitCode = err instanceof SimRootError ? err.exitCode : 1;
  },
);
