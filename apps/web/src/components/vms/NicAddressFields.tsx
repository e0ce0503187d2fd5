'use client';

import type { NicTag } from '@zonedeck/api/schemas';

import { SelectField, TextField } from './FormField';

/** One VNIC's network: the nic tag it joins and its address (DHCP or static). */
export interface NicAddress {
  nicTag: string;
  dhcp: boolean;
  ip: string;
  netmask: string;
  gateway: string;
}

export type NicAddressErrors = Partial<Record<'nicTag' | 'ip' | 'netmask' | 'gateway', string | undefined>>;

/** The host's nic tags as a query gives them. */
export interface NicTagsState {
  data?: readonly NicTag[] | undefined;
  isPending: boolean;
  error: { message: string } | null;
}

/**
 * The nic tag, DHCP or static, and IP / netmask / gateway of one VNIC: the create wizard's
 * network step and each NIC of the edit dialog. `radioName` keeps each NIC's radios apart.
 */
export function NicAddressFields({
  value,
  onChange,
  errors,
  nicTags,
  radioName,
  tagLocked = false,
}: {
  value: NicAddress;
  onChange: (change: Partial<NicAddress>) => void;
  errors: NicAddressErrors;
  nicTags: NicTagsState;
  radioName: string;
  /** An existing VNIC keeps its tag: vmadm cannot move it to another one in place. */
  tagLocked?: boolean;
}) {
  const tags = nicTags.data ?? [];
  // A NIC on a tag the host no longer lists still shows its tag.
  const unknownTag = value.nicTag !== '' && !tags.some((t) => t.name === value.nicTag);
  return (
    <div className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField
          label="NIC tag"
          value={value.nicTag}
          onChange={(e) => onChange({ nicTag: e.target.value })}
          disabled={tagLocked}
          error={errors.nicTag}
          hint={
            tagLocked
              ? 'To move it to another tag, remove it and add a new NIC.'
              : nicTags.isPending
                ? 'Reading the host’s NIC tags…'
                : nicTags.error
                  ? `Could not read the NIC tags: ${nicTags.error.message}`
                  : 'The physical network the VNIC joins.'
          }
        >
          <option value="">Choose a NIC tag…</option>
          {unknownTag ? <option value={value.nicTag}>{value.nicTag}</option> : null}
          {tags.map((tag) => (
            <option key={tag.name} value={tag.name}>
              {tag.name}
              {tag.link ? ` (${tag.link})` : ''}
            </option>
          ))}
        </SelectField>
        <fieldset>
          <legend className="mb-1 text-xs font-medium">Address</legend>
          <div className="flex h-8 items-center gap-4">
            <label className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name={radioName}
                checked={value.dhcp}
                onChange={() => onChange({ dhcp: true })}
                className="accent-accent"
              />
              DHCP
            </label>
            <label className="inline-flex items-center gap-1.5">
              <input
                type="radio"
                name={radioName}
                checked={!value.dhcp}
                onChange={() => onChange({ dhcp: false })}
                className="accent-accent"
              />
              Static IP
            </label>
          </div>
        </fieldset>
      </div>
      {!value.dhcp ? (
        <div className="grid gap-4 sm:grid-cols-3">
          <TextField
            label="IP address"
            value={value.ip}
            onChange={(e) => onChange({ ip: e.target.value })}
            error={errors.ip}
            placeholder="192.168.1.50"
          />
          <TextField
            label="Netmask"
            value={value.netmask}
            onChange={(e) => onChange({ netmask: e.target.value })}
            error={errors.netmask}
          />
          <TextField
            label="Gateway"
            value={value.gateway}
            onChange={(e) => onChange({ gateway: e.target.value })}
            error={errors.gateway}
            placeholder="192.168.1.1"
          />
        </div>
      ) : null}
    </div>
  );
}
