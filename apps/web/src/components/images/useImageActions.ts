'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';

import type { Job } from '@zonedeck/api/schemas';

import { useJobsSettled } from '../../hooks/useJobsSettled';
import { isFinished } from '../../lib/jobCache';
import { useTRPC } from '../../trpc/provider';
import { useJobActivity } from '../jobs/JobEventsProvider';
import { toastActionRefused, toastJobStarted } from '../jobs/JobToasts';

/**
 * Import and delete for one host's images. Each returns a Job at once; when a job this tab
 * started ends, the image list and the storage figures are read again.
 */
export function useImageActions(hostId: string, uuids: readonly string[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const jobs = useJobActivity();

  function refresh() {
    void queryClient.invalidateQueries({ queryKey: trpc.image.list.queryKey({ hostId }) });
    void queryClient.invalidateQueries({ queryKey: trpc.storage.pathKey() });
  }
  useJobsSettled(hostId, uuids, refresh);

  function started(job: Job) {
    const latest = jobs.track(job);
    if (!isFinished(latest)) toastJobStarted(latest);
  }

  const importImage = useMutation(
    trpc.image.import.mutationOptions({
      onSuccess: started,
      onError: (error, input) => toastActionRefused(`Could not import ${input.uuid}`, error.message || null),
    }),
  );
  const deleteImage = useMutation(
    trpc.image.delete.mutationOptions({
      onSuccess: started,
      onError: (error, input) => toastActionRefused(`Could not delete ${input.uuid}`, error.message || null),
    }),
  );
  return {
    importImage: (uuid: string) => importImage.mutate({ hostId, uuid }),
    deleteImage: (uuid: string) => deleteImage.mutate({ hostId, uuid }),
    isBusy: (uuid: string) => jobs.isBusy(hostId, uuid),
  };
}
