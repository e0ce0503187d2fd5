/**
 * SmartosError and the one table that turns known stderr lines into typed codes
 * (the shape of VS Code's getGitErrorCode / GitErrorCodes and node-vmadm's VmNotFound).
 */

export const SMARTOS_ERROR_CODES = [
  'VmNotFound',
  'InvalidProperty',
  'MissingProperty',
  'ImageNotInstalled',
  'ImageNotFound',
  'ImageInUse',
  'DatasetNotFound',
  'PoolBusy',
  'ServiceNotFound',
  'InvalidUuid',
  'NotRunning',
  'HostUnreachable',
  'HostKeyMismatch',
  'Timeout',
  'Aborted',
  'CommandNotFound',
  'CommandFailed',
  'ParseError',
] as const;
export type SmartosErrorCode = (typeof SMARTOS_ERROR_CODES)[number];

export interface SmartosErrorOptions {
  code: SmartosErrorCode;
  /** The text a user reads. Built from argv, exit code and stderr when left out. */
  message?: string;
  argv?: readonly string[];
  /** null when the command never ran to an exit (timeout, abort, spawn failure). */
  exitCode?: number | null;
  stderr?: string;
  /** Property names the host rejected (InvalidProperty, MissingProperty). */
  properties?: readonly string[];
  cause?: unknown;
}

export class SmartosError extends Error {
  override readonly name = 'SmartosError';
  readonly code: SmartosErrorCode;
  readonly argv: readonly string[];
  readonly exitCode: number | null;
  readonly stderr: string;
  declare readonly properties?: readonly string[];

  constructor(opts: SmartosErrorOptions) {
    const argv = opts.argv ?? [];
    const exitCode = opts.exitCode ?? null;
    const stderr = opts.stderr ?? '';
    super(opts.message ?? defaultMessage(argv, exitCode, stderr), { cause: opts.cause });
    this.code = opts.code;
    this.argv = argv;
    this.exitCode = exitCode;
    this.stderr = stderr;
    if (opts.properties !== undefined) this.properties = opts.properties;
  }
}

export function isSmartosError(err: unknown, code?: SmartosErrorCode): err is SmartosError {
  return err instanceof SmartosError && (code === undefined || err.code === code);
}

/** One stderr classification: the code, the line that decided it, and any property names. */
export interface StderrClassification {
  code: SmartosErrorCode;
  line: string;
  properties?: string[];
}

interface StderrRule {
  pattern: RegExp;
  code: SmartosErrorCode;
  /** Property names from the match, for InvalidProperty / MissingProperty. */
  properties?: (match: RegExpMatchArray) => string[];
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
const commaList = (group: number) => (m: RegExpMatchArray) => splitList(m[group] ?? '');
const single = (group: number) => (m: RegExpMatchArray) => [m[group] ?? ''];

/**
 * The one table of known stderr lines. Checked line by line, earliest line first; for one
 * line the first matching rule wins. Sources: REFERENCE.md (vmadm.js, VM.js, imgadm errors.js,
 * zlogin.c) and OpenSSH's client messages.
 */
export const STDERR_RULES: readonly StderrRule[] = [
  // vmadm / zoneadm
  { pattern: /No such zone configured/, code: 'VmNotFound' },
  { pattern: /^Requested unique lookup but found 0 results/, code: 'VmNotFound' },
  { pattern: /^Invalid or missing UUID\b/, code: 'InvalidUuid' },
  { pattern: /Invalid value\(s\) for: (.+)$/, code: 'InvalidProperty', properties: commaList(1) },
  // vmadmd answers 404 for a VM it does not know (start, stop -F, reboot); stop says so itself.
  { pattern: /: bad statusCode: 404\b/, code: 'VmNotFound' },
  { pattern: /^VM [0-9a-f-]{36} not found\b/, code: 'VmNotFound' },
  // VM.js fixTypes: a value that is not a number where vmadm wants an integer.
  { pattern: /^Invalid value for ([A-Za-z0-9_.]+): /, code: 'InvalidProperty', properties: single(1) },
  { pattern: /Missing required properties: (.+)$/, code: 'MissingProperty', properties: commaList(1) },
  {
    pattern: /Invalid brand while validating payload: "?([^"]*)"?/,
    code: 'InvalidProperty',
    properties: () => ['brand'],
  },
  { pattern: /^Invalid (?:filter|lookup) key: "([^"]*)"/, code: 'InvalidProperty', properties: single(1) },
  { pattern: /^invalid (?:order|sort) field: [+-]?(\S+)/, code: 'InvalidProperty', properties: single(1) },
  { pattern: /\(ImageNotInstalled\)/, code: 'ImageNotInstalled' },
  { pattern: new RegExp(`Image ${UUID} not found in zpool`), code: 'ImageNotInstalled' },
  // imgadm (errors.js codes in parentheses)
  { pattern: /\((?:Active)?ImageNotFound\)/, code: 'ImageNotFound' },
  { pattern: /\(ImageHasDependentClones\)/, code: 'ImageInUse' },
  // zfs / zpool (libzfs messages)
  { pattern: /^cannot [a-z ]+ '[^']*': dataset does not exist$/, code: 'DatasetNotFound' },
  { pattern: /^cannot (?:scrub|resilver) \S+: currently (?:scrubbing|resilvering)/, code: 'PoolBusy' },
  // svcs / svcadm (libscf SCF_MSG_PATTERN_NOINSTANCE)
  { pattern: /^(?:svcadm|svcs): Pattern '.*' doesn't match any instances$/, code: 'ServiceNotFound' },
  { pattern: /must be "running"/, code: 'NotRunning' },
  { pattern: /is already not 'running'/, code: 'NotRunning' },
  { pattern: /login allowed only to running zones/, code: 'NotRunning' },
  // ssh (reached through SshTransport)
  { pattern: /REMOTE HOST IDENTIFICATION HAS CHANGED/, code: 'HostKeyMismatch' },
  { pattern: /^Host key verification failed/, code: 'HostKeyMismatch' },
  { pattern: /^ssh: connect to host .*: /, code: 'HostUnreachable' },
  { pattern: /^ssh: Could not resolve hostname/, code: 'HostUnreachable' },
  { pattern: /^kex_exchange_identification: /, code: 'HostUnreachable' },
  { pattern: /^Connection (?:closed|reset) by .* port \d+/, code: 'HostUnreachable' },
  // a remote shell that cannot find the command
  { pattern: /^(?:.*: )?(\S+): command not found$/, code: 'CommandNotFound' },
  { pattern: /^(?:ba|k|da)?sh: (?:line )?(?:\d+: )?(\S+): not found$/, code: 'CommandNotFound' },
];

/**
 * Classifies what a command wrote to stderr. Returns undefined for text no rule knows,
 * including vmadm's success messages (vmadm writes those to stderr too).
 */
export function classifyStderr(stderr: string): StderrClassification | undefined {
  const fromJson = classifyValidateJson(stderr);
  if (fromJson) return fromJson;
  for (const rawLine of stderr.split('\n')) {
    const line = rawLine.replace(/\r$/, '').trim();
    if (line === '') continue;
    for (const rule of STDERR_RULES) {
      const match = line.match(rule.pattern);
      if (!match) continue;
      const result: StderrClassification = { code: rule.code, line };
      if (rule.properties) result.properties = rule.properties(match).filter((p) => p !== '');
      return result;
    }
  }
  return undefined;
}

/**
 * `vmadm validate` prints its findings as pretty JSON on stderr:
 * `{"bad_values": [...], "bad_properties": [...], "missing_properties": [...], "bad_brand": "..."}`.
 */
function classifyValidateJson(stderr: string): StderrClassification | undefined {
  const text = stderr.trim();
  if (!text.startsWith('{')) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  const strings = (key: string): string[] => {
    const v = record[key];
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  };
  const invalid = [...strings('bad_values'), ...strings('bad_properties')];
  if (record['bad_brand'] !== undefined) invalid.push('brand');
  const missing = strings('missing_properties');
  if (invalid.length > 0) {
    return {
      code: 'InvalidProperty',
      line: `Invalid value(s) for: ${invalid.join(',')}`,
      properties: invalid,
    };
  }
  if (missing.length > 0) {
    return {
      code: 'MissingProperty',
      line: `Missing required properties: ${missing.join(',')}`,
      properties: missing,
    };
  }
  return undefined;
}

/** Builds the error for a command that exited non-zero. */
export function errorFromExit(argv: readonly string[], exitCode: number, stderr: string): SmartosError {
  const found = classifyStderr(stderr);
  // 127 is what a shell returns for a command it cannot find (ssh runs one).
  const code: SmartosErrorCode = found?.code ?? (exitCode === 127 ? 'CommandNotFound' : 'CommandFailed');
  const line = found?.line ?? firstLine(stderr);
  const opts: SmartosErrorOptions = {
    code,
    argv,
    exitCode,
    stderr,
    message: `${describeArgv(argv)} failed with exit code ${exitCode}${line ? `: ${line}` : ''}`,
  };
  if (found?.properties !== undefined) opts.properties = found.properties;
  return new SmartosError(opts);
}

/** A command line for messages: arguments with blanks or quotes shown single-quoted. */
export function describeArgv(argv: readonly string[]): string {
  if (argv.length === 0) return '(no command)';
  return argv
    .map((arg) => {
      const shown = arg.length > 200 ? `${arg.slice(0, 200)}…` : arg;
      return /^[\w@%+=:,./-]+$/.test(shown) ? shown : `'${shown.replace(/'/g, `'\\''`)}'`;
    })
    .join(' ');
}

export function firstLine(text: string): string {
  for (const line of text.split('\n')) {
    const trimmed = line.replace(/\r$/, '').trim();
    if (trimmed !== '') return trimmed;
  }
  return '';
}

function defaultMessage(argv: readonly string[], exitCode: number | null, stderr: string): string {
  const line = firstLine(stderr);
  const status = exitCode === null ? 'failed' : `failed with exit code ${exitCode}`;
  return `${describeArgv(argv)} ${status}${line ? `: ${line}` : ''}`;
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}
