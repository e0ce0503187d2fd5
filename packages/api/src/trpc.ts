import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';

import { SmartosError } from '@zonedeck/smartos';

import type { ApiContext } from './context.js';
import { roleRank, type Role } from './schemas/common.js';

/** What the page shows when a host command failed: which command, exit code, stderr's first line. */
export interface HostErrorData {
  code: string;
  command: string;
  exitCode: number | null;
  stderr: string;
}

function hostErrorOf(cause: unknown): HostErrorData | null {
  if (!(cause instanceof SmartosError)) return null;
  return {
    code: cause.code,
    command: cause.argv.join(' '),
    exitCode: cause.exitCode ?? null,
    stderr: (cause.stderr ?? '').split('\n')[0] ?? '',
  };
}

const t = initTRPC.context<ApiContext>().create({
  // Never send server stack traces to browsers, whatever NODE_ENV says.
  isDev: false,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    return {
      ...shape,
      data: {
        ...shape.data,
        // Per-field messages for forms: { fieldErrors: { username: ['...'] } }.
        zodError: cause instanceof z.ZodError ? z.flattenError(cause) : null,
        hostError: hostErrorOf(cause),
      },
    };
  },
  sse: {
    ping: { enabled: true, intervalMs: 15_000 },
    client: { reconnectAfterInactivityMs: 40_000 },
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Host commands fail with SmartosError; give them a tRPC code a client can act on. */
const hostErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && result.error.cause instanceof SmartosError) {
    const code = result.error.cause.code === 'VmNotFound' ? 'NOT_FOUND' : 'INTERNAL_SERVER_ERROR';
    const err = new TRPCError({ code, message: result.error.cause.message, cause: result.error.cause });
    return { ...result, error: err };
  }
  return result;
});

export const publicProcedure = t.procedure.use(hostErrors);

/** The one place roles are enforced: every procedure but login names the role it needs. */
function requireRole(role: Role) {
  return t.middleware(({ ctx, next }) => {
    if (!ctx.user || !ctx.sessionId) {
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'sign in first' });
    }
    if (roleRank[ctx.user.role] < roleRank[role]) {
      throw new TRPCError({ code: 'FORBIDDEN', message: `this needs the ${role} role` });
    }
    return next({ ctx: { ...ctx, user: ctx.user, sessionId: ctx.sessionId } });
  });
}

export const viewerProcedure = publicProcedure.use(requireRole('viewer'));
export const operatorProcedure = publicProcedure.use(requireRole('operator'));
export const adminProcedure = publicProcedure.use(requireRole('admin'));
