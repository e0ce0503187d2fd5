import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import {
  Account,
  ChangePasswordInput,
  LoginInput,
  LoginResult,
  SessionUser,
  TotpConfirmInput,
  TotpDisableInput,
  TotpEnrolment,
} from '../schemas/auth.js';
import { publicProcedure, viewerProcedure } from '../trpc.js';

const Ok = z.object({ ok: z.literal(true) });

/** The one message for every refused sign-in: it never says whether the user exists. */
const REFUSED = 'wrong user name or password';

function throttledMessage(retryAfterSeconds: number, locked: boolean): string {
  if (locked) {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return `too many failed sign-ins: locked for ${minutes} min (an admin can unlock it)`;
  }
  return `too many failed sign-ins: wait ${retryAfterSeconds} s before trying again`;
}

export const authRouter = {
  /** The only procedure that needs no session. */
  login: publicProcedure
    .input(LoginInput)
    .output(LoginResult)
    .mutation(async ({ ctx, input }) => {
      const outcome = await ctx.auth.login(input, ctx.client);
      switch (outcome.status) {
        case 'ok':
          ctx.cookies.set(outcome.sessionId, outcome.expiresAt);
          return { status: 'ok' as const, user: outcome.user };
        case 'code-required':
          return { status: 'code-required' as const };
        case 'refused':
          throw new TRPCError({
            code: 'UNAUTHORIZED',
            message: outcome.reason === 'code' ? 'wrong or already used code' : REFUSED,
          });
        case 'throttled':
          throw new TRPCError({
            code: 'TOO_MANY_REQUESTS',
            message: throttledMessage(outcome.retryAfterSeconds, outcome.locked),
          });
      }
    }),

  logout: viewerProcedure.mutation(({ ctx }) => {
    ctx.auth.logout(ctx.sessionId);
    ctx.cookies.clear();
    return { ok: true as const };
  }),

  me: viewerProcedure.output(SessionUser).query(({ ctx }) => ctx.user),

  account: viewerProcedure.output(Account).query(({ ctx }) => ctx.auth.account(ctx.user.id)),

  /** Every user changes their own password, giving the current one; their other sessions end. */
  changePassword: viewerProcedure
    .input(ChangePasswordInput)
    .output(Ok)
    .mutation(async ({ ctx, input }) => {
      const ok = await ctx.auth.changePassword(
        ctx.user.id,
        ctx.sessionId,
        input.currentPassword,
        input.newPassword,
      );
      if (!ok) throw new TRPCError({ code: 'FORBIDDEN', message: 'the current password is wrong' });
      return { ok: true as const };
    }),

  totp: {
    begin: viewerProcedure.output(TotpEnrolment).mutation(({ ctx }) => ctx.auth.beginTotp(ctx.user.id)),
    confirm: viewerProcedure
      .input(TotpConfirmInput)
      .output(Ok)
      .mutation(({ ctx, input }) => {
        if (!ctx.auth.confirmTotp(ctx.user.id, input.code)) {
          throw new TRPCError({
            code: 'BAD_REQUEST',
            message: 'wrong code: enter the one your app shows now',
          });
        }
        return { ok: true as const };
      }),
    disable: viewerProcedure
      .input(TotpDisableInput)
      .output(Ok)
      .mutation(async ({ ctx, input }) => {
        if (!(await ctx.auth.disableTotp(ctx.user.id, input.currentPassword))) {
          throw new TRPCError({ code: 'FORBIDDEN', message: 'the current password is wrong' });
        }
        return { ok: true as const };
      }),
  },
} satisfies TRPCRouterRecord;
