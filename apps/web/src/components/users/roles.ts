import type { Role } from '@zonedeck/api/schemas';

export type { Role };

/** The roles, weakest first, with what each may do (each includes the ones before it). */
export const ROLES: readonly { role: Role; may: string }[] = [
  { role: 'viewer', may: 'read' },
  { role: 'operator', may: 'power actions and consoles' },
  { role: 'admin', may: 'create, delete, images, storage, hosts, users' },
];
