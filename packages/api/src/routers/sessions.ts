import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import { RevokeSessionInput, SessionEntry } from '../schemas/sessions.js';
import { adminProcedure, viewerProcedure } from '../trpc.js';

const Revoked = z.object({ ok: z.literal(true), current: z.boolean() });

/** Live sessions: each user sees and ends their own; admins see and end everyone's. */
export const sessionsRouter = {
  mine: viewerProcedure
    .output(z.array(SessionEntry))
    .query(({ ctx }) => ctx.sessions.list({ userId: ctx.user.id, currentSessionId: ctx.sessionId })),

  all: adminProcedure
    .output(z.array(SessionEntry))
    .query(({ ctx }) => ctx.sessions.list({ currentSessionId: ctx.sessionId })),

  /** Ends one of the caller's sessions; admins may end anyone's. */
  revoke: viewerProcedure
    .input(RevokeSessionInput)
    .output(Revoked)
    .mutation(({ ctx, input }) => {
      const scope = ctx.user.role === 'admin' ? {} : { userId: ctx.user.id };
      const ended = ctx.sessions.revoke(input.id, scope);
      if (!ended) throw new TRPCError({ code: 'NOT_FOUND', message: 'no such session (it may have ended)' });
      const current = ended === ctx.sessionId;
      if (current) ctx.cookies.clear();
      return { ok: true as const, current };
    }),
} satisfies TRPCRouterRecord;
