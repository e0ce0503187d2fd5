// zfs's usage texts (illumos zfs_main.c get_usage) and the usage-error result (exit 2).
import { ToolOutput, type ToolResult } from '../toolResult.js';

export const ZFS_USAGE: Readonly<Record<string, string>> = {
  clone: '\tclone [-p] [-o property=value] ... <snapshot> <filesystem|volume>',
  create:
    '\tcreate [-p] [-o property=value] ... <filesystem>\n\tcreate [-ps] [-b blocksize] [-o property=value] ... -V <size> <volume>',
  destroy:
    '\tdestroy [-fnpRrv] <filesystem|volume>\n\tdestroy [-dnpRrv] <filesystem|volume>@<snap>[%<snap>][,...]\n\tdestroy <filesystem|volume>#<bookmark>',
  get: '\tget [-crHp] [-d max] [-o "all" | field[,...]]\n\t    [-t type[,...]] [-s source[,...]]\n\t    <"all" | property[,...]> [filesystem|volume|snapshot|bookmark] ...',
  list: '\tlist [-Hp] [-r|-d max] [-o property[,...]] [-s property]...\n\t    [-S property]... [-t type[,...]] [filesystem|volume|snapshot] ...',
  rollback: '\trollback [-rRf] <snapshot>',
  snapshot: '\tsnapshot [-r] [-o property=value] ... <filesystem|volume>@<snap> ...',
  set: '\tset <property=value> ... <filesystem|volume|snapshot> ...',
};

const TAIL = [
  '',
  'For the property list, run: zfs set|get',
  '',
  'For the delegated permission list, run: zfs allow|unallow',
];

/** `<message>` + `usage:` + the command's usage on stderr, exit 2. */
export function zfsUsageError(command: string, message?: string): ToolResult {
  const out = new ToolOutput();
  if (message !== undefined) out.error(message);
  out.error('usage:');
  for (const line of (ZFS_USAGE[command] ?? '').split('\n')) out.error(line);
  for (const line of TAIL) out.error(line);
  return out.result(2);
}

/** `zfs` alone or an unknown command: the list of commands, exit 2. */
export function zfsMainUsage(message?: string): ToolResult {
  const out = new ToolOutput();
  if (message !== undefined) out.error(message);
  out.error('usage: zfs command args ...');
  out.error("where 'command' is one of the following:");
  out.error('');
  for (const cmd of ['create', 'destroy', 'snapshot', 'rollback', 'clone', 'list', 'set', 'get']) {
    for (const line of (ZFS_USAGE[cmd] ?? '').split('\n')) out.error(line);
    out.error('');
  }
  for (const line of TAIL.slice(1)) out.error(line);
  return out.result(2);
}

export function getoptMessage(error: { kind: 'invalid' | 'missing'; flag: string }): string {
  return error.kind === 'invalid'
    ? `invalid option '${error.flag}'`
    : `missing argument for '${error.flag}' option`;
}
