'use client';

import { useQuery } from '@tanstack/react-query';

import { useRole } from '../../hooks/useRole';
import { importable } from '../../lib/images';
import { paletteCommands, type PaletteCommand } from '../../lib/paletteCommands';
import { canAdminister } from '../../lib/vmActions';
import { useTRPC } from '../../trpc/provider';
import { navLinksFor } from '../layout/navLinks';

/**
 * The palette's commands for one host, read while the palette is open: the VMs (the list the VM
 * page keeps live), and for admins the catalog and the pools. `loading` while the VMs are unknown.
 */
export function usePaletteData(hostId: string): { commands: PaletteCommand[]; loading: boolean } {
  const trpc = useTRPC();
  const role = useRole();
  const admin = role !== null && canAdminister(role);
  const vms = useQuery(trpc.vm.list.queryOptions({ hostId }));
  const installed = useQuery({ ...trpc.image.list.queryOptions({ hostId }), enabled: admin });
  const avail = useQuery({
    ...trpc.image.avail.queryOptions({ hostId }),
    enabled: admin,
    staleTime: 5 * 60_000,
  });
  const pools = useQuery({ ...trpc.storage.pools.queryOptions({ hostId }), enabled: admin });

  const commands = paletteCommands({
    role,
    hostId,
    pages: navLinksFor(admin),
    vms: vms.data ?? [],
    importable: importable(avail.data ?? [], installed.data ?? []),
    pools: (pools.data ?? []).map((p) => p.name),
  });
  return { commands, loading: vms.isPending || role === null };
}
