// The VM create spec as a value the web app can import (its own subpath, so the browser bundle
// does not pull every schema): the same zod rules check the wizard's fields and the server's input.
export {
  DiskSpec,
  NicSpec,
  nicAddressPayload,
  VmSpec,
  vmSpecToPayload,
} from '@zonedeck/smartos/model/vmSpec';
