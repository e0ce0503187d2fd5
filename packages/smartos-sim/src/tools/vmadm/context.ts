import type { SimLayout } from '../../state/layout.js';

/** What the vmadm executable hands the tool: its host, environment and standard streams. */
export interface VmadmContext {
  /** The state directory; throws (SimRootError) when the simulator is not set up. */
  layout: () => SimLayout;
  /** the process environment (SMARTOS_SIM_SPEED); default: none set */
  env?: NodeJS.ProcessEnv;
  /** standard input: whether it is a terminal, and all of it */
  stdin?: { isTty: boolean; read: () => Promise<string> };
  /** writes to stdout as the program runs (vmadm events); default: collected into the result */
  write?: (text: string) => void;
  /** aborted when the program is told to stop (SIGTERM, SIGINT, a closed pipe) */
  signal?: AbortSignal;
}

export function envOf(ctx: VmadmContext): NodeJS.ProcessEnv {
  return ctx.env ?? {};
}
