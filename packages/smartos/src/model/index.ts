// Domain shapes the driver returns. No node:* imports here: the web app may import them.
export * from './host.js';
export * from './vm.js';
export * from './vmEvent.js';
