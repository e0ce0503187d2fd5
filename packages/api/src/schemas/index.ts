// Every tRPC input and output shape. The web app imports these (and `type AppRouter`), nothing else.
export * from './audit.js';
export * from './auth.js';
export * from './common.js';
export * from './host.js';
export * from './hostConfig.js';
export * from './hostData.js';
export * from './job.js';
export * from './sessions.js';
export * from './users.js';
export * from './vmAction.js';
export * from './consoleProtocol.js';
