import { createCallerFactory, router } from '../trpc.js';
import { auditRouter } from './audit.js';
import { authRouter } from './auth.js';
import { hostRouter } from './host.js';
import { jobRouter } from './job.js';
import { vmRouter } from './vm.js';

export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  host: hostRouter,
  job: jobRouter,
  vm: vmRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures without HTTP, for tests and server-side use. */
export const createCaller = createCallerFactory(appRouter);
