import type { TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';

import {
  CreateUserInput,
  ResetPasswordInput,
  SetDisabledInput,
  SetRoleInput,
  UserEntry,
  UserTarget,
} from '../schemas/users.js';
import { adminProcedure } from '../trpc.js';

/** User management: admins only. The guard rails (not yourself, not the last admin) are the port's. */
export const usersRouter = {
  list: adminProcedure.output(z.array(UserEntry)).query(({ ctx }) => ctx.users.list()),

  create: adminProcedure
    .input(CreateUserInput)
    .output(UserEntry)
    .mutation(({ ctx, input }) => ctx.users.create(input)),

  setRole: adminProcedure
    .input(SetRoleInput)
    .output(UserEntry)
    .mutation(({ ctx, input }) => ctx.users.setRole(ctx.user, input.userId, input.role)),

  setDisabled: adminProcedure
    .input(SetDisabledInput)
    .output(UserEntry)
    .mutation(({ ctx, input }) => ctx.users.setDisabled(ctx.user, input.userId, input.disabled)),

  resetPassword: adminProcedure
    .input(ResetPasswordInput)
    .output(UserEntry)
    .mutation(({ ctx, input }) => ctx.users.resetPassword(input.userId, input.password)),

  resetTotp: adminProcedure
    .input(UserTarget)
    .output(UserEntry)
    .mutation(({ ctx, input }) => ctx.users.resetTotp(input.userId)),

  unlock: adminProcedure
    .input(UserTarget)
    .output(UserEntry)
    .mutation(({ ctx, input }) => ctx.users.unlock(input.userId)),
} satisfies TRPCRouterRecord;
