/**
 * What every contract case gets (hostDriver.contract.test.ts): the driver over one transport
 * of the simulated office host, that transport counting what it runs, and a scratch directory.
 */
import { isSmartosError, type SmartosError } from '../src/errors.js';
import type { HostDriver } from '../src/hostDriver.js';
import type { ExecRequest, Transport } from '../src/transport/transport.js';
import type { SimHost } from './simHosts.js';

export interface Subject {
  host: SimHost;
  driver: HostDriver;
  transport: Transport;
  /** argv of every exec and spawn the driver (or a case) made, in order. */
  execs: (readonly string[])[];
  /** A directory of this run, for files a case makes or must not find. */
  dir: string;
}

export interface Case {
  name: string;
  run(s: Subject): Promise<void>;
}

/** The simulated office host's VMs. */
export const POWERDNS = '024ab643-ed65-48ab-95f8-5e5976539bfa';
export const DHCP = '2321c688-e15e-4c6f-bc07-b2f7ff772c18';
export const ELK = '6a9d35d3-d522-4310-a724-fc38c59cd7e5';
export const BASE64_IMAGE = 'c193a558-1d63-11e9-97cf-97bb3ee5c14f';
export const MISSING_VM = '11111111-2222-3333-4444-555555555555';

/** A transport that records the argv of every exec and spawn, then passes it on. */
export function counting(inner: Transport, execs: (readonly string[])[]): Transport {
  return {
    description: inner.description,
    exec(request: ExecRequest) {
      execs.push(request.argv);
      return inner.exec(request);
    },
    spawn(request) {
      execs.push(request.argv);
      return inner.spawn(request);
    },
    spawnPty: (request) => inner.spawnPty(request),
    connectSocket: (path, reader) => inner.connectSocket(path, reader),
    close: () => inner.close(),
  };
}

export async function rejection(promise: Promise<unknown>): Promise<SmartosError> {
  try {
    await promise;
  } catch (err) {
    if (isSmartosError(err)) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'resolved';
  } catch (err) {
    return isSmartosError(err) ? err.code : String(err);
  }
}
