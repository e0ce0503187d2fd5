'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';

import type { VmDetail } from '@zonedeck/api/schemas';

import { isHvmBrand } from '../../lib/vmDetail';
import { checkNicRows } from '../../lib/vmNicEdit';
import {
  buildUpdatePayload,
  checkEditForm,
  diffValueText,
  editFormFromVm,
  updateDiff,
  type VmEditField,
  type VmEditForm,
} from '../../lib/vmUpdate';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { ModalDialog } from '../common/ModalDialog';
import { TextField } from './FormField';
import { KeyValueRows } from './KeyValueRows';
import { NicEditRows } from './NicEditRows';
import { SizeFields } from './SizeFields';
import { useJobStarter } from './useJobStarter';

const MULTILINE_KEYS = new Set(['user-script', 'root_authorized_keys', 'user-data']);

/** What the dialog holds while open; mounted afresh on every open, so it starts from the VM. */
function EditForm({
  hostId,
  vm,
  name,
  onDone,
}: {
  hostId: string;
  vm: VmDetail;
  name: string;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const jobs = useJobStarter();
  const [original] = useState(() => editFormFromVm(vm));
  const [form, setForm] = useState<VmEditForm>(original);
  const [tried, setTried] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);

  const nicTags = useQuery(trpc.network.nicTags.queryOptions({ hostId }));
  const update = useMutation(
    trpc.vm.update.mutationOptions({
      onSuccess: (job) => {
        jobs.started(job);
        onDone();
      },
      onError: (error) => jobs.refused(`Could not update ${name}`, error),
    }),
  );

  const errors = checkEditForm(form, original);
  const nicErrors = checkNicRows(form.nics);
  const changed = (field: VmEditField) => JSON.stringify(form[field]) !== JSON.stringify(original[field]);
  // A field's error shows once it was changed, or for all after an attempt to apply.
  const shown = (field: VmEditField) => (tried || changed(field) ? errors[field] : undefined);
  const valid = Object.keys(errors).length === 0;
  const payload = buildUpdatePayload(vm.brand, original, form);
  const diff = valid ? updateDiff(vm, payload) : [];
  const set = (change: Partial<VmEditForm>) => setForm((f) => ({ ...f, ...change }));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTried(true);
    if (!valid) {
      // Refused here: nothing is sent. Take the admin to the first field that says why.
      requestAnimationFrame(() =>
        formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(),
      );
      return;
    }
    if (diff.length === 0) return;
    update.mutate({ hostId, uuid: vm.uuid, payload });
  }

  const hvm = isHvmBrand(vm.brand);
  return (
    <form ref={formRef} onSubmit={onSubmit} noValidate aria-label={`Edit ${name}`} className="space-y-4">
      <SizeFields
        values={form}
        onChange={set}
        errors={{ ram: shown('ram'), cpuCap: shown('cpuCap'), quota: shown('quota') }}
        hvm={hvm}
        withQuota
        className="grid gap-3 sm:grid-cols-3"
      />
      <TextField
        label="Alias"
        value={form.alias}
        onChange={(e) => set({ alias: e.target.value })}
        error={shown('alias')}
      />
      <KeyValueRows
        legend="Tags"
        what="tag"
        rows={form.tags}
        onChange={(tags) => set({ tags })}
        error={shown('tags')}
      />
      <KeyValueRows
        legend="Customer metadata"
        what="metadata key"
        rows={form.metadata}
        onChange={(metadata) => set({ metadata })}
        error={shown('metadata')}
        multiline={(key) => MULTILINE_KEYS.has(key)}
      />
      <NicEditRows
        rows={form.nics}
        onChange={(nics) => set({ nics })}
        errors={tried || changed('nics') ? nicErrors : []}
        nicTags={nicTags}
      />

      <section aria-label="Changes to apply" className="rounded-md border border-line">
        <h3 className="border-b border-line bg-sunken px-3 py-1.5 text-xs font-medium tracking-wide text-ink-muted uppercase">
          Changes: <code className="font-mono normal-case">vmadm update {vm.uuid}</code>
        </h3>
        {!valid ? (
          <p className="px-3 py-2 text-ink-muted">Fix the fields marked above to see the changes.</p>
        ) : diff.length === 0 ? (
          <p className="px-3 py-2 text-ink-muted">Nothing changed yet.</p>
        ) : (
          <>
            <table aria-label="Property changes" className="w-full text-xs">
              <tbody className="divide-y divide-line">
                {diff.map((row) => (
                  <tr key={row.property}>
                    <th
                      scope="row"
                      className="px-3 py-1.5 text-left align-top font-mono font-medium break-all"
                    >
                      {row.property}
                    </th>
                    <td className="px-3 py-1.5 align-top font-mono break-all text-red-700 line-through decoration-red-400/60 dark:text-red-300">
                      {diffValueText(row.before)}
                    </td>
                    <td aria-hidden="true" className="py-1.5 align-top text-ink-faint">
                      →
                    </td>
                    <td className="px-3 py-1.5 align-top font-mono break-all text-emerald-800 dark:text-emerald-300">
                      {diffValueText(row.after)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <details className="border-t border-line px-3 py-1.5">
              <summary className="cursor-pointer text-xs text-ink-muted">Payload sent on stdin</summary>
              <pre aria-label="Update payload" className="mt-1 overflow-auto font-mono text-xs">
                {JSON.stringify(payload, null, 2)}
              </pre>
            </details>
          </>
        )}
      </section>
      <div className="flex justify-end gap-2">
        <Button onClick={onDone}>Cancel</Button>
        <Button type="submit" variant="primary" disabled={update.isPending || (valid && diff.length === 0)}>
          {update.isPending ? 'Sending…' : 'Apply changes'}
        </Button>
      </div>
    </form>
  );
}

/** RAM, CPU cap, quota, alias, tags, metadata and NICs, previewed as the diff `vmadm update` applies. */
export function VmEditDialog({
  open,
  onClose,
  hostId,
  vm,
  name,
}: {
  open: boolean;
  onClose: () => void;
  hostId: string;
  vm: VmDetail;
  name: string;
}) {
  return (
    <ModalDialog open={open} title={`Edit ${name}`} onClose={onClose} size="lg">
      {open ? <EditForm hostId={hostId} vm={vm} name={name} onDone={onClose} /> : null}
    </ModalDialog>
  );
}
