import { createCallerFactory, router } from '../trpc.js';
import { auditRouter } from './audit.js';
import { authRouter } from './auth.js';
import { consoleRouter } from './console.js';
import { hostRouter } from './host.js';
import { imageRouter } from './image.js';
import { jobRouter } from './job.js';
import { networkRouter } from './network.js';
import { serviceRouter } from './service.js';
import { sessionsRouter } from './sessions.js';
import { storageRouter } from './storage.js';
import { usersRouter } from './users.js';
import { vmRouter } from './vm.js';

export const appRouter = router({
  audit: auditRouter,
  auth: authRouter,
  console: consoleRouter,
  host: hostRouter,
  image: imageRouter,
  job: jobRouter,
  network: networkRouter,
  service: serviceRouter,
  sessions: sessionsRouter,
  storage: storageRouter,
  users: usersRouter,
  vm: vmRouter,
});

export type AppRouter = typeof appRouter;

/** Calls procedures without HTTP, for tests and server-side use. */
export const createCaller = createCallerFactory(appRouter);
