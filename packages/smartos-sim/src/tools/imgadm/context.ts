import type { SimLayout } from '../../state/layout.js';

/** What the imgadm executable hands the tool: its host, environment and output streams. */
export interface ImgadmContext {
  /** The state directory; throws (SimRootError) when the simulator is not set up. */
  layout: () => SimLayout;
  /** the process environment (SMARTOS_SIM_SPEED, TERM) */
  env: NodeJS.ProcessEnv;
  /** writes to stdout as the program runs (console.log) */
  stdout: (text: string) => void;
  /** writes to stderr as the program runs (console.error, the progress bar) */
  stderr: (text: string) => void;
  /** set when stderr is a terminal: its width (the progress bar is drawn only then) */
  stderrTty?: { columns: number };
}

/** console.log: one line on stdout. */
export function log(ctx: ImgadmContext, line: string): void {
  ctx.stdout(`${line}\n`);
}
