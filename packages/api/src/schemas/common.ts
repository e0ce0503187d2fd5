import { z } from 'zod';

export const Role = z.enum(['viewer', 'operator', 'admin']);
export type Role = z.infer<typeof Role>;

/** Roles in order of power: each includes what the ones before it may do. */
export const roleRank: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

export const HostId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'host id: lower-case letters, digits and dashes');
export type HostId = z.infer<typeof HostId>;

export const HostInput = z.object({ hostId: HostId });
