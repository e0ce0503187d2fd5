// @zonedeck/smartos: the SmartOS host driver. See DESIGN.md "Driver vs transport".
export * from './model/index.js';

export {
  createHostDriver,
  type ConsoleEndpoints,
  type CreateOptions,
  DEFAULT_TIMEOUTS,
  LIST_VMS_FIELDS,
  type HostDriver,
  type HostDriverOptions,
  type HostDriverTimeouts,
  type OperationOptions,
  type RebootOptions,
  type StopOptions,
} from './hostDriver.js';
export type { ActionResult } from './tools/tool.js';
export type { VmadmPayload } from './tools/vmadm.js';
export type { VmEventStream, VmEventStreamEnd, VmEventStreamHandlers } from './tools/vmadmEvents.js';
export type { SvcadmAction } from './tools/svcs.js';
export {
  IMPORT_START,
  nextImportProgress,
  type ImportPhase,
  type ImportProgress,
} from './parsers/imgadmProgress.js';
export {
  createHostWatcher,
  type HostWatcher,
  type HostWatcherOptions,
  type OpenVmEvents,
  type VmEventListener,
} from './watcher/hostWatcher.js';
export { diffVms } from './watcher/vmDiff.js';

export {
  classifyStderr,
  describeArgv,
  errorFromExit,
  isSmartosError,
  SMARTOS_ERROR_CODES,
  SmartosError,
  STDERR_RULES,
  type SmartosErrorCode,
  type SmartosErrorOptions,
  type StderrClassification,
} from './errors.js';
export { assertUuid, isUuid, UUID_PATTERN } from './uuid.js';

export type {
  ExecRequest,
  ExecResult,
  PtyExit,
  PtyRequest,
  PtySession,
  ProcessExit,
  SpawnedProcess,
  SpawnRequest,
  SocketReader,
  Transport,
} from './transport/transport.js';
export {
  createLocalTransport,
  DEFAULT_MAX_OUTPUT_BYTES,
  type LocalTransportOptions,
} from './transport/localTransport.js';
export { createFakeTransport, type FakeReply, type FakeTransport } from './transport/fakeTransport.js';
export {
  createSshTransport,
  type SshTransport,
  type SshTransportLimits,
  type SshTransportOptions,
} from './transport/sshTransport.js';
export { DEFAULT_CONNECT_TIMEOUT_MS, DEFAULT_KEEPALIVE_INTERVAL_MS } from './transport/sshConnection.js';
export { sha256Fingerprint } from './transport/hostKey.js';
export { commandLine, shellQuote } from './transport/shellQuote.js';

export * from './parsers/dladm.js';
export * from './parsers/humanSize.js';
export * from './parsers/imgadm.js';
export * from './parsers/kstat.js';
export * from './parsers/nictagadm.js';
export * from './parsers/svcs.js';
export * from './parsers/sysinfo.js';
export * from './parsers/vmadmGet.js';
export * from './parsers/vmadmEvents.js';
export * from './parsers/vmadmList.js';
export * from './parsers/vmadmLookup.js';
export * from './parsers/vmSummary.js';
export * from './parsers/zfs.js';
export * from './parsers/zpool.js';
export { parseScanDuration } from './parsers/zpoolStatus.js';
export type { PropertyGetOptions } from './parsers/propertyGet.js';
