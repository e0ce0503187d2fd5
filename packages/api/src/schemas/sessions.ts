import { z } from 'zod';

/** A live session; `id` is a hash of the cookie's value, never the value itself. */
export const SessionEntry = z.object({
  id: z.string(),
  userId: z.string(),
  username: z.string(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  expiresAt: z.string(),
  address: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionEntry = z.infer<typeof SessionEntry>;

export const RevokeSessionInput = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{22}$/, 'not a session id'),
});
