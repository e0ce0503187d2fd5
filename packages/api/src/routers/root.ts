import { createCallerFactory, router } from '../trpc.js';
import { authRouter } from './auth.js';
import { hostRouter } from './host.js';
import { vmRouter } from './vm.js';

export const appRouter = router({
  auth: authRouter,
  host: hostRouter,
  vm: vmRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures without HTTP, for tests and server-side use. */
export const createCaller = createCallerFactory(appRouter);
