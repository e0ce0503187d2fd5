'use client';

import { useMutation, useQuery } from '@tanstack/react-query';
import { Check, ChevronLeft, ChevronRight, Loader2, ShieldCheck } from 'lucide-react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useRef, useState, type ReactNode } from 'react';

import type { ImageInfo, VmSpec } from '@zonedeck/api/schemas';

import { formatDateTime, formatMiB } from '../../lib/format';
import { brandForImageType } from '../../lib/images';
import { canAdminister } from '../../lib/vmActions';
import { isHvmBrand } from '../../lib/vmDetail';
import {
  checkVmForm,
  emptyVmForm,
  errorsFromServerIssues,
  errorsOnStep,
  fieldOfHostProperty,
  hostErrorProperties,
  imageTypeFor,
  issuesFromMessage,
  parseExtra,
  stepOf,
  WIZARD_BRANDS,
  WIZARD_STEPS,
  type VmForm,
  type VmFormErrors,
  type VmFormField,
  type WizardBrand,
  type WizardStep,
} from '../../lib/vmForm';
import { errorCode, fieldErrorsOf, hostErrorOf } from '../../trpc/errors';
import { useTRPC } from '../../trpc/provider';
import { Button } from '../common/Button';
import { QueryErrorPanel } from '../common/ErrorPanel';
import { Panel } from '../common/Panel';
import { LoadingRegion, Skeleton } from '../common/Skeleton';
import { TextAreaField, TextField } from './FormField';
import { KeyValueRows } from './KeyValueRows';
import { NicAddressFields } from './NicAddressFields';
import { SizeFields } from './SizeFields';
import { useJobStarter } from './useJobStarter';

const brandLooks: Record<WizardBrand, { title: string; text: string }> = {
  joyent: { title: 'OS zone (joyent)', text: 'A SmartOS zone: native illumos, lightest on the host.' },
  lx: { title: 'LX zone', text: 'A zone running a Linux userland on the SmartOS kernel.' },
  kvm: { title: 'KVM', text: 'A hardware VM under KVM: any OS, boots from a zvol image.' },
  bhyve: { title: 'bhyve', text: 'A hardware VM under bhyve: any OS, boots from a zvol image.' },
};

const fieldLabels: Record<VmFormField | 'form', string> = {
  brand: 'Brand',
  image: 'Image',
  ram: 'RAM',
  cpuCap: 'CPU cap',
  quota: 'Quota',
  vcpus: 'vCPUs',
  diskSize: 'Data disk',
  nicTag: 'NIC tag',
  ip: 'IP address',
  netmask: 'Netmask',
  gateway: 'Gateway',
  resolvers: 'Resolvers',
  alias: 'Alias',
  hostname: 'Hostname',
  metadata: 'Metadata',
  extra: 'Extra raw properties',
  form: 'Payload',
};

/** What a failed validate / create says, placed at the fields it names. */
function errorsOfRequest(error: unknown, form: VmForm): VmFormErrors {
  const message = error instanceof Error ? error.message : String(error);
  if (errorCode(error) === 'BAD_REQUEST') {
    const fromIssues = errorsFromServerIssues(issuesFromMessage(message));
    if (Object.keys(fromIssues).length) return fromIssues;
    const flat = fieldErrorsOf(error);
    if (flat.extra?.[0]) return { extra: flat.extra[0] };
    return { form: flat.spec?.[0] ?? message };
  }
  const host = hostErrorOf(error);
  if (host) {
    const extra = parseExtra(form.extra);
    const extraKeys = extra.ok ? Object.keys(extra.value) : [];
    const errors: VmFormErrors = {};
    for (const property of hostErrorProperties(message)) {
      errors[fieldOfHostProperty(property, extraKeys)] ??= `vmadm validate refused ${property}`;
    }
    if (Object.keys(errors).length === 0 || errors.form) errors.form = `${message} (${host.command})`;
    return errors;
  }
  return { form: message };
}

/** The form and extra text a server answer was for: an answer for other values is stale. */
function requestKey(form: VmForm): string {
  return JSON.stringify(form);
}

function Stepper({
  current,
  reached,
  errors,
  onGo,
}: {
  current: WizardStep;
  reached: number;
  errors: VmFormErrors;
  onGo: (step: WizardStep) => void;
}) {
  return (
    <ol aria-label="Steps" className="flex flex-wrap gap-1.5">
      {WIZARD_STEPS.map((step, index) => {
        const active = step === current;
        const bad = Object.keys(errorsOnStep(errors, step)).length > 0;
        const done = index < reached && !bad;
        return (
          <li key={step}>
            <button
              type="button"
              aria-current={active ? 'step' : undefined}
              disabled={index > reached}
              onClick={() => onGo(step)}
              className={`inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-xs font-medium focus-visible:outline-2 focus-visible:outline-accent disabled:cursor-not-allowed disabled:opacity-50 ${
                active
                  ? 'border-accent bg-accent text-accent-ink'
                  : bad
                    ? 'border-red-300 text-red-700 dark:border-red-900 dark:text-red-300'
                    : 'border-line-strong bg-surface text-ink hover:bg-sunken'
              }`}
            >
              <span aria-hidden="true" className="tabular-nums">
                {done ? <Check className="size-3" /> : index + 1}
              </span>
              {step}
              {bad ? <span className="sr-only"> (has errors)</span> : null}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function ImageChoice({
  images,
  brand,
  value,
  onChange,
  error,
}: {
  images: readonly ImageInfo[];
  brand: WizardBrand;
  value: string;
  onChange: (uuid: string) => void;
  error: string | undefined;
}) {
  const type = imageTypeFor(brand);
  const fitting = images.filter((i) => i.manifest.type === type);
  return (
    <fieldset aria-invalid={error ? true : undefined} aria-describedby={error ? 'vm-image-error' : undefined}>
      <legend className="mb-2 text-sm font-medium">
        Installed <code className="font-mono text-xs">{type}</code> images
      </legend>
      {fitting.length === 0 ? (
        <p className="rounded-md border border-dashed border-line-strong px-4 py-6 text-center text-ink-muted">
          No {type} image is installed on this host.
        </p>
      ) : (
        <div className="divide-y divide-line rounded-md border border-line">
          {fitting.map(({ manifest }) => (
            <label
              key={manifest.uuid}
              className="flex cursor-pointer items-start gap-3 px-3 py-2.5 hover:bg-sunken has-checked:bg-accent/5"
            >
              <input
                type="radio"
                name="vm-image"
                value={manifest.uuid}
                checked={value === manifest.uuid}
                onChange={() => onChange(manifest.uuid)}
                className="mt-1 accent-accent"
              />
              <span className="min-w-0 flex-1">
                <span className="font-medium">
                  {manifest.name} {manifest.version}
                </span>
                <span className="ml-2 text-xs text-ink-muted">
                  {manifest.os}
                  {manifest.image_size ? ` · ${formatMiB(manifest.image_size)} disk` : ''}
                  {manifest.published_at ? ` · published ${formatDateTime(manifest.published_at)}` : ''}
                </span>
                {manifest.description ? (
                  <span className="block text-xs text-ink-muted">{manifest.description}</span>
                ) : null}
                <span className="block font-mono text-xs text-ink-faint">{manifest.uuid}</span>
              </span>
            </label>
          ))}
        </div>
      )}
      {error ? (
        <p id="vm-image-error" className="mt-1 text-xs font-medium text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** The create wizard: brand → image → size → network → identity → review (the host's verdict), then create. */
export function CreateVmWizard({ hostId, initialImage }: { hostId: string; initialImage?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const jobs = useJobStarter();
  const me = useQuery(trpc.auth.me.queryOptions());
  const images = useQuery(trpc.image.list.queryOptions({ hostId }));
  const nicTags = useQuery(trpc.network.nicTags.queryOptions({ hostId }));

  const [form, setForm] = useState<VmForm>(emptyVmForm);
  // "Create VM from this image": once the host's images are read, choose it and its brand.
  const [presetImage, setPresetImage] = useState(initialImage);
  if (presetImage !== undefined && images.data !== undefined) {
    setPresetImage(undefined);
    const chosen = images.data.find((i) => i.manifest.uuid === presetImage);
    const brand = chosen ? brandForImageType(chosen.manifest.type) : undefined;
    if (brand !== undefined) setForm((f) => ({ ...f, brand, imageUuid: presetImage }));
  }
  const [stepIndex, setStepIndex] = useState(0);
  const [reached, setReached] = useState(0);
  const [attempted, setAttempted] = useState<ReadonlySet<WizardStep>>(() => new Set());
  const [server, setServer] = useState<{ key: string; errors: VmFormErrors } | null>(null);
  const [verdict, setVerdict] = useState<{
    key: string;
    payload: Record<string, unknown>;
    message: string;
  } | null>(null);
  const body = useRef<HTMLDivElement>(null);

  const step = WIZARD_STEPS[stepIndex] ?? 'Brand';
  const key = requestKey(form);
  const checked = checkVmForm(form);
  const serverErrors = server?.key === key ? server.errors : {};
  const shownErrors: VmFormErrors = { ...serverErrors };
  for (const [field, message] of Object.entries(checked.errors) as [VmFormField | 'form', string][]) {
    if (attempted.has(stepOf(field))) shownErrors[field] ??= message;
  }
  const err = (field: VmFormField) => shownErrors[field];
  const currentVerdict = verdict?.key === key ? verdict : null;

  const validate = useMutation(trpc.vm.validate.mutationOptions());
  const create = useMutation(trpc.vm.create.mutationOptions());

  if (me.data && !canAdminister(me.data.role)) {
    return (
      <div className="rounded-lg border border-dashed border-line-strong bg-surface p-10 text-center">
        <p className="font-medium">Only admins create VMs</p>
        <p className="mt-1 text-ink-muted">You are signed in as {me.data.role}.</p>
      </div>
    );
  }

  const set = (change: Partial<VmForm>) => setForm((f) => ({ ...f, ...change }));

  function focusFirstInvalid() {
    requestAnimationFrame(() => body.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
  }

  function runValidate(spec: VmSpec) {
    const extra = parseExtra(form.extra);
    if (!extra.ok) return;
    // The answer is filed under the values it was for (`key`); it goes stale when they change.
    const asked = form;
    validate.mutate(
      { hostId, spec, extra: extra.value },
      {
        onSuccess: (result) => setVerdict({ key: requestKey(asked), ...result }),
        onError: (error) => {
          setVerdict(null);
          setServer({ key: requestKey(asked), errors: errorsOfRequest(error, asked) });
        },
      },
    );
  }

  function go(target: WizardStep) {
    const index = WIZARD_STEPS.indexOf(target);
    setStepIndex(index);
    if (target === 'Review') {
      setAttempted(new Set(WIZARD_STEPS));
      if (checked.spec) runValidate(checked.spec);
    }
  }

  function next() {
    setAttempted((a) => new Set(a).add(step));
    if (Object.keys(errorsOnStep(checked.errors, step)).length > 0) {
      focusFirstInvalid();
      return;
    }
    const nextStep = WIZARD_STEPS[stepIndex + 1];
    if (!nextStep) return;
    setReached((r) => Math.max(r, stepIndex + 1));
    if (nextStep === 'Review') {
      // Everything before must pass before the host is asked.
      const wrong = WIZARD_STEPS.find((s) => Object.keys(errorsOnStep(checked.errors, s)).length > 0);
      if (wrong && wrong !== 'Review') {
        setAttempted(new Set(WIZARD_STEPS));
        setStepIndex(WIZARD_STEPS.indexOf(wrong));
        focusFirstInvalid();
        return;
      }
    }
    go(nextStep);
  }

  function onCreate() {
    setAttempted(new Set(WIZARD_STEPS));
    const extra = parseExtra(form.extra);
    if (!checked.spec || !extra.ok || !currentVerdict) return;
    const asked = form;
    create.mutate(
      { hostId, spec: checked.spec, extra: extra.value },
      {
        onSuccess: (job) => {
          jobs.started(job);
          router.push('/');
        },
        onError: (error) => {
          setServer({ key: requestKey(asked), errors: errorsOfRequest(error, asked) });
          if (!hostErrorOf(error) && errorCode(error) !== 'BAD_REQUEST')
            jobs.refused('Could not create the VM', error);
        },
      },
    );
  }

  const hvm = isHvmBrand(form.brand);
  const bootImage = images.data?.find((i) => i.manifest.uuid === form.imageUuid)?.manifest;
  const elsewhere = (Object.keys(shownErrors) as (VmFormField | 'form')[]).filter(
    (field) => stepOf(field) !== step,
  );

  let content: ReactNode;
  switch (step) {
    case 'Brand':
      content = (
        <fieldset>
          <legend className="mb-2 text-sm font-medium">What kind of VM?</legend>
          <div className="grid gap-2 sm:grid-cols-2">
            {WIZARD_BRANDS.map((brand) => (
              <label
                key={brand}
                className="flex cursor-pointer items-start gap-3 rounded-md border border-line p-3 hover:bg-sunken has-checked:border-accent has-checked:bg-accent/5"
              >
                <input
                  type="radio"
                  name="vm-brand"
                  value={brand}
                  checked={form.brand === brand}
                  onChange={() =>
                    set({
                      brand,
                      // An image of the old brand's type does not boot the new one.
                      imageUuid: imageTypeFor(brand) === imageTypeFor(form.brand) ? form.imageUuid : '',
                    })
                  }
                  className="mt-1 accent-accent"
                />
                <span>
                  <span className="block font-medium">{brandLooks[brand].title}</span>
                  <span className="block text-xs text-ink-muted">{brandLooks[brand].text}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      );
      break;
    case 'Image':
      content = (
        <div className="space-y-3">
          {images.isPending ? (
            <LoadingRegion label="Loading the installed images">
              <Skeleton className="h-12 w-full" />
              <Skeleton className="mt-2 h-12 w-full" />
            </LoadingRegion>
          ) : images.isError ? (
            <QueryErrorPanel title="Could not list the installed images" query={images} />
          ) : (
            <ImageChoice
              images={images.data}
              brand={form.brand}
              value={form.imageUuid}
              onChange={(imageUuid) => set({ imageUuid })}
              error={err('image')}
            />
          )}
          <p className="text-xs text-ink-muted">
            Need another image?{' '}
            <Link href="/images" className="font-medium text-accent hover:underline">
              Import more on the Images page
            </Link>
            .
          </p>
        </div>
      );
      break;
    case 'Size':
      content = (
        <SizeFields
          values={form}
          onChange={set}
          errors={{ ram: err('ram'), cpuCap: err('cpuCap'), quota: err('quota') }}
          hvm={hvm}
          withQuota={!hvm}
          className="grid gap-4 sm:grid-cols-2"
        >
          {hvm ? (
            <>
              <TextField
                label="vCPUs"
                inputMode="numeric"
                value={form.vcpus}
                onChange={(e) => set({ vcpus: e.target.value })}
                error={err('vcpus')}
              />
              <TextField
                label="Data disk"
                suffix="GiB"
                inputMode="numeric"
                value={form.diskSize}
                onChange={(e) => set({ diskSize: e.target.value })}
                error={err('diskSize')}
                hint={`Optional second disk. The boot disk takes the image’s size${
                  typeof bootImage?.image_size === 'number' ? ` (${formatMiB(bootImage.image_size)})` : ''
                }.`}
              />
            </>
          ) : null}
        </SizeFields>
      );
      break;
    case 'Network':
      content = (
        <div className="space-y-4">
          <NicAddressFields
            value={form}
            onChange={set}
            errors={{
              nicTag: err('nicTag'),
              ip: err('ip'),
              netmask: err('netmask'),
              gateway: err('gateway'),
            }}
            nicTags={nicTags}
            radioName="vm-addressing"
          />
          <TextField
            label="Resolvers"
            value={form.resolvers}
            onChange={(e) => set({ resolvers: e.target.value })}
            error={err('resolvers')}
            placeholder="8.8.8.8, 8.8.4.4"
            hint="DNS servers, separated by commas or spaces. Optional."
          />
        </div>
      );
      break;
    case 'Identity':
      content = (
        <div className="space-y-4">
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="Alias"
              value={form.alias}
              onChange={(e) => set({ alias: e.target.value })}
              error={err('alias')}
              hint="The name the console shows."
            />
            <TextField
              label="Hostname"
              value={form.hostname}
              onChange={(e) => set({ hostname: e.target.value })}
              error={err('hostname')}
              hint="Optional."
            />
          </div>
          <TextAreaField
            label="root_authorized_keys"
            value={form.rootAuthorizedKeys}
            onChange={(e) => set({ rootAuthorizedKeys: e.target.value })}
            hint="SSH public keys for root, one a line (customer metadata)."
            placeholder="ssh-ed25519 AAAA… admin@example"
          />
          <TextAreaField
            label="user-script"
            value={form.userScript}
            onChange={(e) => set({ userScript: e.target.value })}
            hint="Runs at every boot (customer metadata)."
            placeholder={'#!/bin/sh\n'}
          />
          <KeyValueRows
            legend="Other customer metadata"
            what="metadata key"
            rows={form.metadata}
            onChange={(metadata) => set({ metadata })}
            error={err('metadata')}
          />
        </div>
      );
      break;
    case 'Review':
      content = (
        <div className="space-y-4">
          {shownErrors.form ? (
            <p
              role="alert"
              className="rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
            >
              {shownErrors.form}
            </p>
          ) : null}
          <section aria-label="Host verdict">
            {validate.isPending ? (
              <p role="status" className="flex items-center gap-2 text-ink-muted">
                <Loader2 aria-hidden="true" className="size-4 animate-spin" />
                Asking the host: <code className="font-mono text-xs">vmadm validate create</code>…
              </p>
            ) : currentVerdict ? (
              <p
                role="status"
                className="flex items-center gap-2 rounded-md bg-emerald-50 px-3 py-2 text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200"
              >
                <ShieldCheck aria-hidden="true" className="size-4 shrink-0" />
                <span>
                  The host accepts this payload:{' '}
                  <span className="font-mono text-xs">{currentVerdict.message}</span>
                </span>
              </p>
            ) : (
              <p className="text-ink-muted">Check the payload with the host before creating the VM.</p>
            )}
          </section>
          <div>
            <h3 className="mb-1 text-xs font-medium tracking-wide text-ink-muted uppercase">
              The exact JSON <code className="font-mono normal-case">vmadm create</code> reads
            </h3>
            <pre
              aria-label="vmadm create payload"
              tabIndex={0}
              className="max-h-96 overflow-auto rounded-md border border-line bg-sunken p-3 font-mono text-xs leading-relaxed"
            >
              {currentVerdict
                ? JSON.stringify(currentVerdict.payload, null, 2)
                : validate.isPending
                  ? '…'
                  : 'Not checked yet for these values.'}
            </pre>
          </div>
          <TextAreaField
            label="Extra raw properties"
            value={form.extra}
            onChange={(e) => set({ extra: e.target.value })}
            onBlur={() => {
              if (checked.spec && !currentVerdict && parseExtra(form.extra).ok) runValidate(checked.spec);
            }}
            error={
              err('extra') ??
              (form.extra.trim() && !parseExtra(form.extra).ok ? checked.errors.extra : undefined)
            }
            hint='A JSON object merged into the payload, e.g. {"autoboot": false, "max_lwps": 4000}. vmadm checks it.'
            placeholder="{}"
            rows={4}
          />
          <div className="flex justify-end">
            <Button
              onClick={() => checked.spec && runValidate(checked.spec)}
              disabled={!checked.spec || validate.isPending}
            >
              <ShieldCheck aria-hidden="true" className="size-4" />
              Check with the host
            </Button>
          </div>
        </div>
      );
      break;
  }

  return (
    <div className="space-y-4">
      <Link href="/" className="inline-flex items-center gap-0.5 text-sm text-ink-muted hover:text-ink">
        <ChevronLeft aria-hidden="true" className="size-4" />
        VMs
      </Link>
      <h1 className="text-lg font-semibold tracking-tight">Create a VM</h1>
      <Stepper current={step} reached={reached} errors={shownErrors} onGo={go} />
      <Panel label={`Step ${stepIndex + 1}: ${step}`} title={`${stepIndex + 1}. ${step}`}>
        {elsewhere.length > 0 ? (
          <div
            role="alert"
            className="mb-4 rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950/40 dark:text-red-200"
          >
            <p className="font-medium">Fix these before creating the VM:</p>
            <ul className="mt-1 space-y-0.5">
              {elsewhere.map((field) => (
                <li key={field}>
                  <button
                    type="button"
                    onClick={() => {
                      go(stepOf(field));
                      focusFirstInvalid();
                    }}
                    className="underline underline-offset-2 hover:no-underline"
                  >
                    {stepOf(field)} · {fieldLabels[field]}
                  </button>
                  : {shownErrors[field]}
                </li>
              ))}
            </ul>
          </div>
        ) : null}
        <div ref={body}>{content}</div>
        <div className="mt-6 flex items-center justify-between gap-2 border-t border-line pt-4">
          <Button onClick={() => go(WIZARD_STEPS[stepIndex - 1] ?? 'Brand')} disabled={stepIndex === 0}>
            <ChevronLeft aria-hidden="true" className="size-4" />
            Back
          </Button>
          {step === 'Review' ? (
            <Button
              variant="primary"
              onClick={onCreate}
              disabled={!currentVerdict || create.isPending || validate.isPending}
            >
              {create.isPending ? 'Creating…' : 'Create VM'}
            </Button>
          ) : (
            <Button variant="primary" onClick={next}>
              Next
              <ChevronRight aria-hidden="true" className="size-4" />
            </Button>
          )}
        </div>
      </Panel>
    </div>
  );
}
