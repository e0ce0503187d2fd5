// Every tRPC input and output shape. The web app imports these (and `type AppRouter`), nothing else.
export * from './auth.js';
export * from './common.js';
export * from './host.js';
