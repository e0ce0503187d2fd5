import type { VmState } from '@zonedeck/api/schemas';

import { vmStateLabel, vmStateTone } from '../../lib/format';
import { ToneBadge } from '../common/ToneBadge';

/** A VM state as colour and word: the colour helps scanning, the word carries the meaning. */
export function VmStateBadge({ state }: { state: VmState }) {
  return <ToneBadge tone={vmStateTone(state)}>{vmStateLabel(state)}</ToneBadge>;
}
