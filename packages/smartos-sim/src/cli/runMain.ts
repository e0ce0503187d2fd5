import { SimRootError } from '../state/simRoot.js';
import type { ToolResult } from '../tools/toolResult.js';

/** Shared tail of every executable: print the result, exit with its code. */
export function runMain(main: () => ToolResult | Promise<ToolResult>): void {
  // as vmadm does: a closed pipe (`vmadm list | head`) ends the program quietly
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    process.exit(err.code === 'EPIPE' ? 0 : 1);
  });
  Promise.resolve()
    .then(main)
    .then(
      (result) => {
        process.stdout.write(result.stdout);
        process.stderr.write(result.stderr);
        process.exitCode = result.code;
      },
      (err: unknown) => {
        if (err instanceof SimRootError) {
          process.stderr.write(`${err.message}\n`);
          process.exitCode = err.exitCode;
          return;
        }
        process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
        process.exitCode = 1;
      },
    );
}
