'use client';

import { useQueryClient } from '@tanstack/react-query';
import { Download } from 'lucide-react';
import { useState } from 'react';
import { toast } from 'sonner';

import type { AuditFilter } from '@zonedeck/api/schemas';

import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';

/** Downloads the entries the filter selects, as CSV or JSON, built by the server. */
export function AuditExportButtons({ filter }: { filter: AuditFilter }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  async function download(format: 'csv' | 'json') {
    setBusy(true);
    try {
      const file = await queryClient.fetchQuery({
        ...trpc.audit.export.queryOptions({ ...filter, format }),
        staleTime: 0,
      });
      const url = URL.createObjectURL(new Blob([file.body], { type: file.contentType }));
      const a = document.createElement('a');
      a.href = url;
      a.download = file.filename;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      toast.error(`Could not export: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="flex gap-2">
      <Button disabled={busy} onClick={() => void download('csv')}>
        <Download aria-hidden="true" className="size-3.5" /> CSV
      </Button>
      <Button disabled={busy} onClick={() => void download('json')}>
        <Download aria-hidden="true" className="size-3.5" /> JSON
      </Button>
    </div>
  );
}
