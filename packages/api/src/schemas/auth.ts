import { z } from 'zod';

import { Role } from './common.js';

export const SessionUser = z.object({
  id: z.string(),
  username: z.string(),
  role: Role,
});
export type SessionUser = z.infer<typeof SessionUser>;

/** A code from an authenticator app (RFC 6238: six digits). */
export const TotpCode = z
  .string()
  .trim()
  .regex(/^\d{6}$/, 'enter the 6-digit code from your authenticator app');

export const LoginInput = z.object({
  username: z.string().trim().min(1, 'enter a user name').max(64),
  password: z.string().min(1, 'enter a password').max(1024),
  /** The second factor, for users who enrolled one. */
  code: TotpCode.optional(),
});
export type LoginInput = z.infer<typeof LoginInput>;

/** A signed-in user, or a user whose password was right and who must now give a TOTP code. */
export const LoginResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('ok'), user: SessionUser }),
  z.object({ status: z.literal('code-required') }),
]);
export type LoginResult = z.infer<typeof LoginResult>;

/** A password someone chooses (or an admin sets): long enough to resist guessing. */
export const NewPassword = z
  .string()
  .min(12, 'use at least 12 characters')
  .max(1024, 'use at most 1024 characters');

export const ChangePasswordInput = z.object({
  currentPassword: z.string().min(1, 'enter your current password').max(1024),
  newPassword: NewPassword,
});
export type ChangePasswordInput = z.infer<typeof ChangePasswordInput>;

/** The signed-in user's own account, as the account page shows it. */
export const Account = SessionUser.extend({
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
  totpEnabled: z.boolean(),
});
export type Account = z.infer<typeof Account>;

/**
 * A TOTP secret being enrolled, shown once: as text, as an otpauth:// URI and as a QR code
 * (rows of '1' dark and '0' light modules, drawn by the browser).
 */
export const TotpEnrolment = z.object({
  secret: z.string(),
  uri: z.string(),
  qr: z.array(z.string()),
});
export type TotpEnrolment = z.infer<typeof TotpEnrolment>;

export const TotpConfirmInput = z.object({ code: TotpCode });

export const TotpDisableInput = z.object({
  currentPassword: z.string().min(1, 'enter your current password').max(1024),
});
