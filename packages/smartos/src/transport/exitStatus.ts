import { constants as osConstants } from 'node:os';

/**
 * A shell reports death by signal N as 128 + N; the transports do the same. Takes Node's
 * name ('SIGKILL') or ssh's ('KILL'); an unknown name counts as 0.
 */
export function exitCodeForSignal(signal: string | null | undefined): number {
  if (signal === null || signal === undefined || signal === '') return 1;
  const name = (signal.startsWith('SIG') ? signal : `SIG${signal}`) as NodeJS.Signals;
  return 128 + (osConstants.signals[name] ?? 0);
}
