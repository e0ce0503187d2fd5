import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';

import type { AppRouter } from './routers/root.js';

export { appRouter, createCaller, type AppRouter } from './routers/root.js';
export type {
  ApiContext,
  AuditPort,
  AuthPort,
  ClientInfo,
  ConsolesPort,
  HostsPort,
  JobControl,
  JobRequest,
  JobsPort,
  LoginOutcome,
  SessionCookiePort,
  SessionsPort,
  UsersPort,
} from './context.js';
export type { HostErrorData } from './trpc.js';
export { DANGEROUS_VM_PROPERTY_NAMES, unknownVmPropertyNames } from './vmPropertyPolicy.js';

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;
