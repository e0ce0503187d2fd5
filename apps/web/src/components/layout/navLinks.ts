/**
 * The console's pages, once: the main navigation, the command palette and the `g` shortcuts all
 * read this list. `key` is the letter after `g` (g v: VMs).
 */
export interface NavLink {
  href: string;
  label: string;
  key?: string;
  /** Shown to admins only (the server refuses the others anyway). */
  adminOnly?: boolean;
}

export const navLinks: readonly NavLink[] = [
  { href: '/', label: 'VMs', key: 'v' },
  { href: '/images', label: 'Images', key: 'i' },
  { href: '/storage', label: 'Storage', key: 's' },
  { href: '/network', label: 'Network', key: 'n' },
  { href: '/services', label: 'Services', key: 'e' },
  { href: '/jobs', label: 'Jobs', key: 'j' },
  { href: '/audit', label: 'Audit', key: 'a' },
  { href: '/hosts', label: 'Hosts', key: 'h' },
  { href: '/users', label: 'Users', adminOnly: true },
  { href: '/account', label: 'Account' },
];

/** The pages a user with this role sees. */
export function navLinksFor(isAdmin: boolean): readonly NavLink[] {
  return navLinks.filter((link) => isAdmin || !link.adminOnly);
}
