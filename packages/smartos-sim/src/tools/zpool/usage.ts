// zpool's usage texts (illumos zpool_main.c get_usage) and the usage-error result (exit 2).
import { ToolOutput, type ToolResult } from '../toolResult.js';

export const ZPOOL_USAGE: Readonly<Record<string, string>> = {
  list: '\tlist [-Hp] [-o property[,...]] [-T d|u] [pool] ... [interval [count]]',
  get: '\tget [-Hp] [-o "all" | field[,...]] <"all" | property[,...]> <pool> ...',
  status: '\tstatus [-DigLpPvx] [-T d|u] [pool] ... [interval [count]]',
  scrub: '\tscrub [-s | -p] <pool> ...',
  iostat: '\tiostat [-gLPv] [-T d|u] [pool] ... [interval [count]]',
  online: '\tonline [-e] <pool> <device> ...',
  offline: '\toffline [-t] <pool> <device> ...',
};

export function zpoolUsageError(command: string, message?: string): ToolResult {
  const out = new ToolOutput();
  if (message !== undefined) out.error(message);
  out.error('usage:');
  for (const line of (ZPOOL_USAGE[command] ?? '').split('\n')) out.error(line);
  return out.result(2);
}

export function zpoolMainUsage(message?: string): ToolResult {
  const out = new ToolOutput();
  if (message !== undefined) out.error(message);
  out.error('usage: zpool command args ...');
  out.error("where 'command' is one of the following:");
  out.error('');
  for (const text of Object.values(ZPOOL_USAGE)) for (const line of text.split('\n')) out.error(line);
  return out.result(2);
}
