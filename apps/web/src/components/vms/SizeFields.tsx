'use client';

import type { ReactNode } from 'react';

import { TextField } from './FormField';

export interface SizeValues {
  ram: string;
  cpuCap: string;
  quota: string;
}

/**
 * RAM, CPU cap and (for zones, or when editing) quota: the create wizard's size step and the
 * edit dialog. `children` follow in the same grid (the wizard's vCPUs and data disk).
 */
export function SizeFields({
  values,
  onChange,
  errors,
  hvm,
  withQuota,
  className,
  children,
}: {
  values: SizeValues;
  onChange: (change: Partial<SizeValues>) => void;
  errors: Partial<Record<keyof SizeValues, string | undefined>>;
  hvm: boolean;
  withQuota: boolean;
  className: string;
  children?: ReactNode;
}) {
  return (
    <div className={className}>
      <TextField
        label="RAM"
        suffix="MiB"
        inputMode="numeric"
        value={values.ram}
        onChange={(e) => onChange({ ram: e.target.value })}
        error={errors.ram}
        hint={hvm ? 'The guest’s memory (ram).' : 'The zone’s memory cap (max_physical_memory).'}
      />
      <TextField
        label="CPU cap"
        suffix="%"
        inputMode="numeric"
        value={values.cpuCap}
        onChange={(e) => onChange({ cpuCap: e.target.value })}
        error={errors.cpuCap}
        hint="Percent of one CPU: 100 is one core. Empty for no cap."
      />
      {withQuota ? (
        <TextField
          label="Quota"
          suffix="GiB"
          inputMode="numeric"
          value={values.quota}
          onChange={(e) => onChange({ quota: e.target.value })}
          error={errors.quota}
          hint="Disk space for the zone’s root dataset."
        />
      ) : null}
      {children}
    </div>
  );
}
