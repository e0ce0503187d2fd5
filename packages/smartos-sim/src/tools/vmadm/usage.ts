import { ToolOutput, type ToolResult } from '../toolResult.js';

// vmadm prints process.argv[1], the script path: /usr/vm/sbin/vmadm on SmartOS.
const VMADM_PATH = '/usr/vm/sbin/vmadm';

const USAGE_LINES = [
  `Usage: ${VMADM_PATH} <command> [options]`,
  '',
  'create [-f <filename>]',
  'create-snapshot <uuid> <snapname>',
  'console <uuid>',
  'delete <uuid>',
  'delete-snapshot <uuid> <snapname>',
  'events [-fjr] [uuid]',
  'get <uuid>',
  'info <uuid> [type,...]',
  'install <uuid>',
  'kill [-s SIGNAL|-SIGNAL] <uuid>',
  'list [-p] [-H] [-o field,...] [-s field,...] [field=value ...]',
  'lookup [-j|-1] [-o field,...] [field=value ...]',
  'reboot <uuid> [-F]',
  'receive [-f <filename>]',
  'reprovision <uuid> [-f <filename>]',
  'rollback-snapshot <uuid> <snapname>',
  'send <uuid> [target]',
  'start <uuid> [option=value ...]',
  'stop <uuid> [-F] [-t timeout]',
  'sysrq <uuid> <nmi|screenshot>',
  'update <uuid> [-f <filename>]',
  ' -or- update <uuid> property=value [property=value ...]',
  'validate create [-f <filename>]',
  'validate update <brand> [-f <filename>]',
  '',
  "For more detailed information on the use of this command,type 'man vmadm'.",
];

/**
 * vmadm.js usage(message, code): code 0 prints on stdout, anything else (default 2) on
 * stderr, the message first.
 */
export function usage(message?: string, code = 2): ToolResult {
  const out = new ToolOutput();
  const print = (line: string): void => (code === 0 ? out.log(line) : out.error(line));
  if (message) print(message);
  for (const line of USAGE_LINES) print(line);
  return out.result(code);
}

/** Thrown where vmadm.js calls usage() deep inside a command; the dispatcher returns it. */
export class UsageExit extends Error {
  constructor(readonly result: ToolResult) {
    super('usage');
    this.name = 'UsageExit';
  }
}

export function usageExit(message: string): never {
  throw new UsageExit(usage(message));
}
