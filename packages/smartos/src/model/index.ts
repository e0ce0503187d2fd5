// Domain shapes the driver returns. No node:* imports here: the web app may import them.
export * from './host.js';
export * from './image.js';
export * from './kstat.js';
export * from './network.js';
export * from './smf.js';
export * from './vm.js';
export * from './vmSpec.js';
export * from './vmEvent.js';
export * from './zfs.js';
export * from './zpool.js';
