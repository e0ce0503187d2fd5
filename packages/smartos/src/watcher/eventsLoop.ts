/**
 * The events engine: keeps one `vmadm events -jr` stream open (node-vmadm's vmadm.events).
 * Its `ready` event carries the full state (a `sync`, or the diff when the state was kept),
 * create / modify / delete become added / changed / removed. When the stream ends or the link
 * drops the link is reported down, and after a back-off a new stream's `ready` resyncs in full.
 * A host without `vmadm events` (the command exits at once with its usage, "not implemented"
 * or "command not found", or the transport cannot stream) hands over to polling.
 */
import { isSmartosError } from '../errors.js';
import type { VmSummary } from '../model/vm.js';
import type { VmadmEvent } from '../parsers/vmadmEvents.js';
import type { VmEventStream, VmEventStreamEnd, VmEventStreamHandlers } from '../tools/vmadmEvents.js';
import { backoff, reasonOf, type WatchEngine, type WatcherState } from './watcherState.js';

export type OpenVmEvents = (handlers: VmEventStreamHandlers) => Promise<VmEventStream>;

export interface EventsLoopOptions {
  state: WatcherState;
  open: OpenVmEvents;
  /** For a bare `ready`, an event without its VM, or an unreadable line. */
  listVms: (opts: { signal: AbortSignal }) => Promise<VmSummary[]>;
  signal: AbortSignal;
  retryMs: number;
  maxBackoffMs: number;
  active(): boolean;
  /** The host has no `vmadm events`: poll instead. */
  fallBack(reason: string): void;
}

const UNSUPPORTED =
  /usage:|not implemented|unknown command|invalid command|unrecognized command|command not found/i;
/** Streams that end before `ready` this many times in a row, without a link failure, mean polling. */
const MAX_UNREADY_EXITS = 3;
const LINK_CODES = new Set(['HostUnreachable', 'Timeout', 'HostKeyMismatch']);

/** Whether a stream that ended before `ready` says the host has no `vmadm events`. */
export function lacksVmadmEvents(end: VmEventStreamEnd): boolean {
  if (end.error) return end.error.code === 'CommandNotFound';
  return end.exitCode === 127 || UNSUPPORTED.test(end.output);
}

export function createEventsLoop(o: EventsLoopOptions): WatchEngine {
  let stream: VmEventStream | null = null;
  let opening = false;
  let generation = 0;
  let failures = 0;
  let unreadyExits = 0;
  let retry: NodeJS.Timeout | undefined;
  let handedOver = false;

  const relist = async () => {
    try {
      o.state.list(await o.listVms({ signal: o.signal }));
    } catch {
      // the stream reports a dropped link itself
    }
  };

  function onEvent(event: VmadmEvent): void {
    if (event.type === 'ready') {
      failures = 0;
      unreadyExits = 0;
      o.state.up();
      if (event.vms) o.state.list(event.vms);
      else void relist();
    } else if (event.type === 'delete') o.state.remove(event.uuid);
    else if (event.vm) o.state.upsert(event.vm);
    else void relist();
  }

  function fallBack(reason: string): void {
    handedOver = true;
    o.fallBack(reason);
  }

  function failed(reason: string): void {
    o.state.down(reason);
    failures++;
    schedule(backoff(failures, o.retryMs, o.maxBackoffMs));
  }

  function schedule(delay: number): void {
    clearTimeout(retry);
    retry = undefined;
    if (!o.active() || handedOver) return;
    retry = setTimeout(() => {
      retry = undefined;
      open();
    }, delay);
    retry.unref();
  }

  function open(): void {
    if (stream || opening || handedOver || !o.active()) return;
    opening = true;
    const mine = ++generation;
    let ready = false;
    const current = () => mine === generation;
    const handlers: VmEventStreamHandlers = {
      event(event) {
        if (!current()) return;
        if (event.type === 'ready') ready = true;
        onEvent(event);
      },
      unreadable() {
        if (current()) void relist();
      },
      end(end) {
        if (!current()) return;
        stream = null;
        if (!ready && lacksVmadmEvents(end)) return fallBack(end.output || reasonOf(end.error));
        if (!ready && !end.error && ++unreadyExits >= MAX_UNREADY_EXITS) {
          return fallBack(`vmadm events keeps exiting (${end.exitCode}): ${end.output}`);
        }
        failed(end.error ? end.error.message : `vmadm events ended (exit ${end.exitCode})`);
      },
    };
    o.open(handlers).then(
      (opened) => {
        opening = false;
        if (current() && o.active() && !handedOver) {
          stream = opened;
          return;
        }
        opened.stop();
        if (!current()) open(); // closed and woken again while it opened
      },
      (err: unknown) => {
        opening = false;
        if (!current()) return open();
        if (isSmartosError(err) && !LINK_CODES.has(err.code)) return fallBack(err.message);
        failed(reasonOf(err));
      },
    );
  }

  function close(): void {
    generation++;
    clearTimeout(retry);
    retry = undefined;
    stream?.stop();
    stream = null;
  }

  return {
    wake: () => {
      if (retry === undefined) open();
    },
    idle: close,
    refresh: relist,
    stop: close,
  };
}
