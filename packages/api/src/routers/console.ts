import { TRPCError, type TRPCRouterRecord } from '@trpc/server';

import { ConsoleKind, ConsoleTicket } from '../schemas/consoleProtocol.js';
import { VmTarget } from '../schemas/vmAction.js';
import { operatorProcedure } from '../trpc.js';

const CreateTicketInput = VmTarget.extend({ kind: ConsoleKind });

const HVM_BRANDS = new Set(['kvm', 'bhyve']);

/** Why a VM of this brand has no console of this kind, or null when it has one. */
function kindMismatch(kind: ConsoleKind, brand: string, name: string): string | null {
  const hvm = HVM_BRANDS.has(brand);
  switch (kind) {
    case 'vnc':
    case 'serial':
      return hvm ? null : `${name} is a ${brand} zone: it has a shell, not a ${kind} console`;
    case 'shell':
      return hvm ? `${name} is a ${brand} VM: use its VNC or serial console, zlogin gives no shell` : null;
  }
}

/**
 * Console tickets: the control plane of `/api/console` (docs/consoleProtocol.md). A ticket is
 * single use, lives 30 s and is bound to the session; the bytes then flow over the WebSocket.
 */
export const consoleRouter = {
  createTicket: operatorProcedure
    .input(CreateTicketInput)
    .output(ConsoleTicket)
    .mutation(async ({ ctx, input, signal }) => {
      const driver = ctx.hosts.driver(input.hostId);
      const opts = signal ? { signal } : {};
      const [vm, endpoints] = await Promise.all([
        driver.getVm(input.uuid, opts),
        driver.consoleEndpoints(input.uuid, opts),
      ]);
      const alias = typeof vm.alias === 'string' && vm.alias ? vm.alias : null;
      const name = alias ?? input.uuid;
      const mismatch = kindMismatch(input.kind, endpoints.brand, name);
      if (mismatch) throw new TRPCError({ code: 'BAD_REQUEST', message: mismatch });
      const state = typeof vm.state === 'string' ? vm.state : 'unknown';
      if (state !== 'running') {
        throw new TRPCError({ code: 'PRECONDITION_FAILED', message: `${name} is ${state}` });
      }
      const ticket = ctx.consoles.issue({
        sessionId: ctx.sessionId,
        user: ctx.user,
        hostId: input.hostId,
        uuid: input.uuid,
        alias,
        kind: input.kind,
      });
      return { ticket, path: `/api/console?ticket=${encodeURIComponent(ticket)}`, kind: input.kind };
    }),
} satisfies TRPCRouterRecord;
