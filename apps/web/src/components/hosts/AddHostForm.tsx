'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { z } from 'zod';

import type { AddedHost } from '@zonedeck/api/schemas';
import { AddHostInput } from '@zonedeck/api/schemas/hostConfig';

import { fieldErrorsOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { TextAreaField, TextField } from '../vms/FormField';

type Fields = 'id' | 'name' | 'address' | 'port' | 'username' | 'keyPath' | 'privateKey';
const empty: Record<Fields, string> = {
  id: '',
  name: '',
  address: '',
  port: '22',
  username: 'root',
  keyPath: '',
  privateKey: '',
};

const KEY_SOURCES = [
  ['pasted', 'Paste a key (stored encrypted)'],
  ['path', 'A key file on the console’s machine'],
] as const;

/** A slug for the id field from the name the admin types, until they edit the id themselves. */
function slugOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 32)
    .replace(/-+$/, '');
}

/**
 * Adds a SmartOS host: the console connects only to read the host key it presents, then
 * `onAdded` shows it for the admin to compare and confirm. Bad values are refused at their field
 * (the same zod rules as the server's).
 */
export function AddHostForm({ onAdded }: { onAdded: (added: AddedHost, name: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(empty);
  const [idEdited, setIdEdited] = useState(false);
  const [keySource, setKeySource] = useState<'path' | 'pasted'>('pasted');
  const [localErrors, setLocalErrors] = useState<Partial<Record<string, string[]>>>({});

  const add = useMutation(
    trpc.host.add.mutationOptions({
      onSuccess: (added) => {
        void queryClient.invalidateQueries({ queryKey: trpc.host.status.queryKey() });
        onAdded(added, values.name.trim());
        // The pasted key leaves the page's memory with the form.
        setValues(empty);
        setIdEdited(false);
      },
    }),
  );

  const serverErrors = add.error ? fieldErrorsOf(add.error) : {};
  const errorOf = (field: Fields) => (localErrors[field] ?? serverErrors[field])?.[0];
  const formError = add.error && Object.keys(serverErrors).length === 0 ? add.error.message : null;

  function set(field: Fields, value: string) {
    setValues((v) => ({
      ...v,
      [field]: value,
      ...(field === 'name' && !idEdited ? { id: slugOf(value) } : {}),
    }));
    if (field === 'id') setIdEdited(true);
    setLocalErrors((e) => ({ ...e, [field]: undefined }));
  }

  /** A field's value, its edits and its error, for a TextField or TextAreaField. */
  const bind = (field: Fields) => ({
    value: values[field],
    onChange: (e: { target: { value: string } }) => set(field, e.target.value),
    error: errorOf(field),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const input = {
      id: values.id,
      name: values.name,
      address: values.address,
      port: values.port,
      username: values.username,
      keySource,
      ...(keySource === 'path' ? { keyPath: values.keyPath } : { privateKey: values.privateKey }),
    };
    const parsed = AddHostInput.safeParse(input);
    if (!parsed.success) {
      setLocalErrors(z.flattenError(parsed.error).fieldErrors);
      return;
    }
    setLocalErrors({});
    add.mutate(parsed.data);
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Add a host" className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Name" {...bind('name')} placeholder="Rack 2 hypervisor" />
        <TextField label="ID" {...bind('id')} hint="Used in addresses: ?host=<id>" />
        <TextField label="Address" {...bind('address')} placeholder="10.0.0.5 or smartos1.example.org" />
        <div className="grid grid-cols-2 gap-3">
          <TextField label="SSH port" inputMode="numeric" {...bind('port')} />
          <TextField label="User" {...bind('username')} />
        </div>
      </div>
      <fieldset className="space-y-2">
        <legend className="mb-1 text-xs font-medium text-ink">Private key</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {KEY_SOURCES.map(([source, label]) => (
            <label key={source} className="flex items-center gap-1.5">
              <input
                type="radio"
                name="keySource"
                checked={keySource === source}
                onChange={() => setKeySource(source)}
              />
              {label}
            </label>
          ))}
        </div>
        {keySource === 'pasted' ? (
          <TextAreaField
            label="Private key text"
            {...bind('privateKey')}
            rows={6}
            placeholder="-----BEGIN OPENSSH PRIVATE KEY-----"
            hint="Kept encrypted on the console’s machine and never shown again. No passphrase."
          />
        ) : (
          <TextField label="Key file path" {...bind('keyPath')} placeholder="/root/.ssh/id_ed25519" />
        )}
      </fieldset>
      {formError ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {formError}
        </p>
      ) : null}
      <Button type="submit" variant="primary" disabled={add.isPending}>
        {add.isPending ? 'Connecting…' : 'Add host'}
      </Button>
    </form>
  );
}
