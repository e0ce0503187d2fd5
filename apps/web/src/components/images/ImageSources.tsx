'use client';

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Trash2 } from 'lucide-react';
import { useId, useState, type FormEvent } from 'react';
import { toast } from 'sonner';

import { fieldErrorsOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';

/** `imgadm sources`: where the catalog comes from; admins add and remove them. */
export function ImageSources({ hostId, isAdmin }: { hostId: string; isAdmin: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sources = useQuery(trpc.image.sources.queryOptions({ hostId }));
  const [url, setUrl] = useState('');
  const [removing, setRemoving] = useState<string | null>(null);
  const inputId = useId();
  const errorId = useId();

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: trpc.image.sources.queryKey({ hostId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.image.avail.queryKey({ hostId }) });
  }

  const add = useMutation(
    trpc.image.addSource.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.message);
        setUrl('');
        refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.image.removeSource.mutationOptions({
      onSuccess: (r) => {
        toast.success(r.message);
        refresh();
      },
      onError: (error) => toast.error('Could not remove the source', { description: error.message }),
    }),
  );

  const addError = add.error ? (fieldErrorsOf(add.error)['url']?.[0] ?? add.error.message) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (url.trim()) add.mutate({ hostId, url: url.trim() });
  }

  return (
    <div className="space-y-3">
      {sources.isPending ? (
        <LoadingRegion label="Loading the image sources">
          <Skeleton className="h-16 w-full" />
        </LoadingRegion>
      ) : sources.isError ? (
        <QueryErrorPanel title="Could not list the image sources" query={sources} />
      ) : sources.data.length === 0 ? (
        <p className="text-ink-muted">No image sources: the catalog is empty.</p>
      ) : (
        <ul aria-label="Image sources" className="divide-y divide-line rounded-md border border-line">
          {sources.data.map((s) => (
            <li key={s.url} className="flex items-center justify-between gap-3 px-3 py-2">
              <span className="min-w-0">
                <span className="block font-mono text-[13px] break-all">{s.url}</span>
                <span className="text-xs text-ink-muted">
                  {s.type ?? 'type not reported'}
                  {s.insecure ? ' · insecure (TLS not checked)' : ''}
                </span>
              </span>
              {isAdmin ? (
                <Button
                  size="sm"
                  variant="ghost"
                  aria-label={`Remove source ${s.url}`}
                  disabled={remove.isPending}
                  onClick={() => setRemoving(s.url)}
                >
                  <Trash2 aria-hidden="true" className="size-3.5" />
                  Remove
                </Button>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {isAdmin ? (
        <form onSubmit={submit} className="space-y-1" noValidate>
          <label htmlFor={inputId} className="text-xs font-medium text-ink-muted">
            Add an image source (IMGAPI URL)
          </label>
          <div className="flex gap-2">
            <input
              id={inputId}
              type="url"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              placeholder="https://images.smartos.org"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={addError ? true : undefined}
              aria-describedby={addError ? errorId : undefined}
              className="block h-8 min-w-0 flex-1 rounded-md border border-line-strong bg-surface px-2 font-mono text-[13px] shadow-xs placeholder:text-ink-faint focus:border-accent focus:outline-2 focus:outline-accent/30"
            />
            <Button type="submit" disabled={add.isPending || !url.trim()}>
              {add.isPending ? 'Adding…' : 'Add'}
            </Button>
          </div>
          {addError ? (
            <p id={errorId} role="alert" className="text-xs text-red-700 dark:text-red-400">
              {addError}
            </p>
          ) : null}
        </form>
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title="Remove this image source?"
        confirmLabel="Remove source"
        onCancel={() => setRemoving(null)}
        onConfirm={() => {
          if (removing) remove.mutate({ hostId, url: removing });
          setRemoving(null);
        }}
      >
        <span className="font-mono break-all">{removing}</span>: its images leave the catalog. Installed
        images stay.
      </ConfirmDialog>
    </div>
  );
}
