import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';

import { SmartosError } from '@zonedeck/smartos';

import type { ApiContext, JobsPort } from './context.js';
import type { AuditRecord } from './schemas/audit.js';
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

const REFUSALS = new Set([
  'UNAUTHORIZED',
  'FORBIDDEN',
  'TOO_MANY_REQUESTS',
  'CONFLICT',
  'PRECONDITION_FAILED',
]);
/** Input fields that name what a call acts on, in order of preference. */
const TARGET_FIELDS = ['uuid', 'userId', 'id', 'fmri', 'url', 'username'] as const;

function recordOf(input: unknown): Record<string, unknown> {
  return input && typeof input === 'object' && !Array.isArray(input)
    ? (input as Record<string, unknown>)
    : {};
}

function stringField(args: Record<string, unknown>, names: readonly string[]): string | null {
  for (const name of names) {
    const value = args[name];
    if (typeof value === 'string' && value) return value.slice(0, 200);
  }
  return null;
}

/**
 * Every mutation ends up in the audit log: those that start a job are recorded by the job runner
 * when the job ends (or is refused); this records all the others, including refusals by role.
 * Calls without a session are not attributable and not recorded, but sign-in attempts are.
 */
const auditMutations = t.middleware(async ({ ctx, type, path, getRawInput, next }) => {
  if (type !== 'mutation') return next();
  let startedJob = false;
  const jobs: JobsPort = {
    start: (user, request) => {
      startedJob = true;
      return ctx.jobs.start(user, request);
    },
    list: (opts) => ctx.jobs.list(opts),
    get: (id) => ctx.jobs.get(id),
    events: (signal) => ctx.jobs.events(signal),
  };
  const result = await next({ ctx: { ...ctx, jobs } });
  const login = path === 'auth.login';
  if (startedJob || (!ctx.user && !login)) return result;

  const args = recordOf(await getRawInput().catch(() => undefined));
  let user: AuditRecord['user'] = ctx.user ?? { id: null, username: stringField(args, ['username']) ?? '' };
  if (result.ok && login) {
    const data = recordOf(result.data);
    // A right password awaiting its TOTP code is not an outcome yet.
    if (data.status !== 'ok') return result;
    user = recordOf(data.user) as AuditRecord['user'];
  }
  const where = login ? `from ${ctx.client.address ?? 'an unknown address'}` : null;
  ctx.audit.record({
    user,
    action: path,
    hostId: stringField(args, ['hostId']),
    target: stringField(args, TARGET_FIELDS),
    args,
    result: result.ok ? 'ok' : REFUSALS.has(result.error.code) ? 'refused' : 'error',
    detail: result.ok ? where : [result.error.message, where].filter(Boolean).join(' '),
  });
  return result;
});

export const publicProcedure = t.procedure.use(hostErrors).use(auditMutations);

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
