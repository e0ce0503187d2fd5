import { z } from 'zod';

import { Role } from './common.js';

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

export const LoginInput = z.object({
  username: z.string().trim().min(1, 'enter a user name').max(64),
  password: z.string().min(1, 'enter a password').max(1024),
});
export type LoginInput = z.infer<typeof LoginInput>;
