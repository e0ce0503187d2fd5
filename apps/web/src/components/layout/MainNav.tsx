'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

import { useIsAdmin } from '../../hooks/useRole';
import { navLinksFor } from './navLinks';

/** Whether `pathname` is `href` or a page under it (/jobs/<id> is within Jobs). */
function isWithin(pathname: string, href: string): boolean {
  // The VM pages (/vms/<uuid>, /vms/new) belong to VMs, the home page.
  if (href === '/') return pathname === '/' || pathname === '/vms' || pathname.startsWith('/vms/');
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The console's main sections; the current one is marked for sight and for screen readers. */
export function MainNav() {
  const pathname = usePathname();
  const isAdmin = useIsAdmin();
  return (
    <nav aria-label="Main" className="-mx-1 flex min-w-0 items-center gap-1 overflow-x-auto px-1">
      {navLinksFor(isAdmin).map(({ href, label }) => {
        const current = isWithin(pathname, href);
        return (
          <Link
            key={href}
            href={href}
            aria-current={current ? 'page' : undefined}
            className={`rounded-md px-2.5 py-1.5 text-sm font-medium transition-colors focus-visible:outline-2 focus-visible:outline-accent ${
              current
                ? 'bg-sunken text-ink ring-1 ring-line ring-inset'
                : 'text-ink-muted hover:bg-sunken hover:text-ink'
            }`}
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
