import { TRPCError, type TRPCRouterRecord } from '@trpc/server';

import { LoginInput, SessionUser } from '../schemas/auth.js';
import { publicProcedure, viewerProcedure } from '../trpc.js';

export const authRouter = {
  /** The only procedure that needs no session. */
  login: publicProcedure
    .input(LoginInput)
    .output(SessionUser)
    .mutation(async ({ ctx, input }) => {
      const session = await ctx.auth.login(input.username, input.password);
      if (!session) {
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'wrong user name or password' });
      }
      ctx.cookies.set(session.sessionId, session.expiresAt);
      return session.user;
    }),

  logout: viewerProcedure.mutation(({ ctx }) => {
    ctx.auth.logout(ctx.sessionId);
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  me: viewerProcedure.output(SessionUser).query(({ ctx }) => ctx.user),
} satisfies TRPCRouterRecord;
