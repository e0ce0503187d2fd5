import type { Metadata } from 'next';

import { ConsoleKind } from '@zonedeck/api/schemas/consoleProtocol';

import { ConsolePage } from '../../../../components/consoles/ConsolePage';

export const metadata: Metadata = { title: 'Console' };

/** `/consoles/<uuid>?kind=vnc|serial|shell[&host=<id>]`: one VM's console, fit for its own window. */
export default async function VmConsolePage({
  params,
  searchParams,
}: {
  params: Promise<{ uuid: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { uuid } = await params;
  const query = await searchParams;
  const kind = ConsoleKind.safeParse(query.kind);
  const host = typeof query.host === 'string' ? query.host : null;
  return <ConsolePage uuid={uuid} kind={kind.success ? kind.data : null} hostId={host} />;
}
