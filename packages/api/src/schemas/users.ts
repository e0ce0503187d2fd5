import { z } from 'zod';

import { NewPassword } from './auth.js';
import { Role } from './common.js';

export const UserId = z.uuid('not a user id');

export const Username = z
  .string()
  .trim()
  .min(1, 'enter a user name')
  .max(64, 'at most 64 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, 'letters, digits, dots, dashes and underscores, not first');

/** A user as the users page lists them (never a password hash or TOTP secret). */
export const UserEntry = z.object({
  id: z.string(),
  username: z.string(),
  role: Role,
  disabled: z.boolean(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  totpEnabled: z.boolean(),
  /** Until when sign-in is locked after repeated failures, if it is. */
  lockedUntil: z.string().nullable(),
});
export type UserEntry = z.infer<typeof UserEntry>;

export const CreateUserInput = z.object({ username: Username, role: Role, password: NewPassword });
export type CreateUserInput = z.infer<typeof CreateUserInput>;

export const UserTarget = z.object({ userId: UserId });
export const SetRoleInput = UserTarget.extend({ role: Role });
export const SetDisabledInput = UserTarget.extend({ disabled: z.boolean() });
export const ResetPasswordInput = UserTarget.extend({ password: NewPassword });
