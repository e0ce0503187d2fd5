// The create wizard's form: which step holds which input, the VmSpec the form makes, and where
// an error (the form's own checks, zod issues from VmSpec or the server, the host's `vmadm
// validate` verdict) is shown. Pure: tested in vmForm.test.ts.
import { VmSpec } from '@zonedeck/api/schemas/vmSpec';

import { isHvmBrand } from './vmDetail';
import { parseWholeNumber, type KeyValueRow } from './vmUpdate';

export const WIZARD_BRANDS = ['joyent', 'lx', 'kvm', 'bhyve'] as const;
export type WizardBrand = (typeof WIZARD_BRANDS)[number];

/** The image type each brand boots from. */
export function imageTypeFor(brand: WizardBrand): 'zone-dataset' | 'lx-dataset' | 'zvol' {
  switch (brand) {
    case 'joyent':
      return 'zone-dataset';
    case 'lx':
      return 'lx-dataset';
    case 'kvm':
    case 'bhyve':
      return 'zvol';
  }
}

export interface VmForm {
  brand: WizardBrand;
  imageUuid: string;
  /** MiB. */
  ram: string;
  /** Percent of one CPU. */
  cpuCap: string;
  /** GiB, zones only. */
  quota: string;
  /** HVM only. */
  vcpus: string;
  /** GiB of an extra data disk, HVM only; empty for none. */
  diskSize: string;
  nicTag: string;
  dhcp: boolean;
  ip: string;
  netmask: string;
  gateway: string;
  /** Comma or space separated. */
  resolvers: string;
  alias: string;
  hostname: string;
  rootAuthorizedKeys: string;
  userScript: string;
  metadata: KeyValueRow[];
  /** A JSON object of raw vmadm properties merged into the payload. */
  extra: string;
}

export function emptyVmForm(): VmForm {
  return {
    brand: 'joyent',
    imageUuid: '',
    ram: '1024',
    cpuCap: '',
    quota: '10',
    vcpus: '1',
    diskSize: '',
    nicTag: '',
    dhcp: true,
    ip: '',
    netmask: '255.255.255.0',
    gateway: '',
    resolvers: '',
    alias: '',
    hostname: '',
    rootAuthorizedKeys: '',
    userScript: '',
    metadata: [],
    extra: '',
  };
}

export type VmFormField =
  | 'brand'
  | 'image'
  | 'ram'
  | 'cpuCap'
  | 'quota'
  | 'vcpus'
  | 'diskSize'
  | 'nicTag'
  | 'ip'
  | 'netmask'
  | 'gateway'
  | 'resolvers'
  | 'alias'
  | 'hostname'
  | 'metadata'
  | 'extra';

/** Errors by field; `form` holds the ones that belong to no single input. */
export type VmFormErrors = Partial<Record<VmFormField | 'form', string>>;

export const WIZARD_STEPS = ['Brand', 'Image', 'Size', 'Network', 'Identity', 'Review'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

const stepOfField: Record<VmFormField | 'form', WizardStep> = {
  brand: 'Brand',
  image: 'Image',
  ram: 'Size',
  cpuCap: 'Size',
  quota: 'Size',
  vcpus: 'Size',
  diskSize: 'Size',
  nicTag: 'Network',
  ip: 'Network',
  netmask: 'Network',
  gateway: 'Network',
  resolvers: 'Network',
  alias: 'Identity',
  hostname: 'Identity',
  metadata: 'Identity',
  extra: 'Review',
  form: 'Review',
};

export function stepOf(field: VmFormField | 'form'): WizardStep {
  return stepOfField[field];
}

/** The errors shown on one step. */
export function errorsOnStep(errors: VmFormErrors, step: WizardStep): VmFormErrors {
  const out: VmFormErrors = {};
  for (const [field, message] of Object.entries(errors) as [VmFormField | 'form', string][]) {
    if (stepOfField[field] === step) out[field] = message;
  }
  return out;
}

/** The first step with an error, in wizard order. */
export function firstStepWithError(errors: VmFormErrors): WizardStep | null {
  return WIZARD_STEPS.find((step) => Object.keys(errorsOnStep(errors, step)).length > 0) ?? null;
}

/** The input a VmSpec issue path belongs to: `nics.0.gateway` → gateway, `disks.0.image_uuid` → image. */
export function fieldOfSpecPath(path: readonly PropertyKey[]): VmFormField | 'form' {
  const [head, index, leaf] = path;
  switch (head) {
    case 'brand':
    case 'ram':
    case 'quota':
    case 'vcpus':
    case 'alias':
    case 'hostname':
    case 'resolvers':
      return head;
    case 'cpu_cap':
      return 'cpuCap';
    case 'image_uuid':
      return 'image';
    case 'disks':
      // Disk 0 is the boot disk from the image; a size belongs to the data disk.
      if (leaf === 'size') return 'diskSize';
      return index === undefined || index === 0 ? 'image' : 'diskSize';
    case 'nics':
      switch (leaf) {
        case 'ip':
        case 'netmask':
        case 'gateway':
          return leaf;
        case 'nic_tag':
        case undefined:
        default:
          return 'nicTag';
      }
    case 'customer_metadata':
      return 'metadata';
    case undefined:
    default:
      return 'form';
  }
}

/** The input a property the host's `vmadm validate` named belongs to; `extra` when the admin typed it there. */
export function fieldOfHostProperty(property: string, extraKeys: readonly string[]): VmFormField | 'form' {
  const top = property.split('.')[0] ?? property;
  if (extraKeys.includes(top)) return 'extra';
  switch (top) {
    case 'max_physical_memory':
    case 'ram':
    case 'max_locked_memory':
    case 'max_swap':
      return 'ram';
    case 'nics': {
      const leaf = property.split('.').at(-1);
      if (leaf === 'ips' || leaf === 'ip') return 'ip';
      if (leaf === 'gateways' || leaf === 'gateway') return 'gateway';
      if (leaf === 'netmask') return 'netmask';
      return 'nicTag';
    }
    default:
      return fieldOfSpecPath([top]);
  }
}

/**
 * The properties a host error names: "Invalid value(s) for: ram,alias" (InvalidProperty),
 * "Missing required properties: brand" (MissingProperty), "Invalid value for quota: …".
 */
export function hostErrorProperties(message: string): string[] {
  const list = /(?:Invalid value\(s\) for|Missing required properties|Invalid properties):\s*(.+)$/m.exec(
    message,
  );
  if (list?.[1]) {
    return list[1]
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  }
  const single = /Invalid value for ([A-Za-z0-9_.]+)/.exec(message);
  return single?.[1] ? [single[1]] : [];
}

/** Zod issues as the server sends them in a BAD_REQUEST message: a JSON array of {path, message}. */
export function issuesFromMessage(message: string): { path: PropertyKey[]; message: string }[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return parsed.flatMap((issue: unknown) => {
    if (typeof issue !== 'object' || issue === null) return [];
    const { path, message: text } = issue as { path?: unknown; message?: unknown };
    if (!Array.isArray(path) || typeof text !== 'string') return [];
    const keys = path.filter((p): p is string | number => typeof p === 'string' || typeof p === 'number');
    return [{ path: keys, message: text }];
  });
}

/** Issues of the server's input check (the create input wraps the form in `spec`) as form errors. */
export function errorsFromServerIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): VmFormErrors {
  const errors: VmFormErrors = {};
  for (const issue of issues) {
    const [head, ...rest] = issue.path;
    const field = head === 'spec' ? fieldOfSpecPath(rest) : head === 'extra' ? 'extra' : 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

export type ExtraResult = { ok: true; value: Record<string, unknown> } | { ok: false; error: string };

/** The admin's extra raw properties: empty, or a JSON object of lower-case vmadm property names. */
export function parseExtra(text: string): ExtraResult {
  if (text.trim() === '') return { ok: true, value: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return { ok: false, error: 'must be a JSON object such as {"autoboot": false}' };
  }
  for (const key of Object.keys(parsed)) {
    if (!/^[a-z][a-z0-9_]*$/.test(key)) return { ok: false, error: `“${key}” is not a vmadm property name` };
  }
  return { ok: true, value: parsed as Record<string, unknown> };
}

function splitList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * The VmSpec input the form makes, and the errors of inputs that are not even numbers. The
 * result still goes through VmSpec (see checkVmForm) for its limits.
 */
export function specInputFromForm(form: VmForm): { input: Record<string, unknown>; errors: VmFormErrors } {
  const errors: VmFormErrors = {};
  const hvm = isHvmBrand(form.brand);
  const whole = (field: VmFormField, text: string, unit: string): number | undefined => {
    const n = parseWholeNumber(text);
    if (n === null) {
      errors[field] = `a whole number${unit ? ` of ${unit}` : ''}`;
      return undefined;
    }
    return n;
  };

  const input: Record<string, unknown> = { brand: form.brand, alias: form.alias };
  const ram = whole('ram', form.ram, 'MiB');
  if (ram === undefined && !errors.ram) errors.ram = 'give the VM its memory size';
  input['ram'] = ram ?? 0;
  const cap = whole('cpuCap', form.cpuCap, '');
  if (cap !== undefined) input['cpu_cap'] = cap;
  if (form.hostname.trim()) input['hostname'] = form.hostname.trim();

  if (hvm) {
    const vcpus = whole('vcpus', form.vcpus, '');
    if (vcpus !== undefined) input['vcpus'] = vcpus;
    const disks: Record<string, unknown>[] = [
      { boot: true, ...(form.imageUuid ? { image_uuid: form.imageUuid } : {}) },
    ];
    const dataGiB = whole('diskSize', form.diskSize, 'GiB');
    if (dataGiB !== undefined) disks.push({ size: dataGiB * 1024 });
    input['disks'] = disks;
  } else {
    if (form.imageUuid) input['image_uuid'] = form.imageUuid;
    const quota = whole('quota', form.quota, 'GiB');
    if (quota !== undefined) input['quota'] = quota;
  }

  const nic: Record<string, unknown> = { nic_tag: form.nicTag, ip: form.dhcp ? 'dhcp' : form.ip.trim() };
  if (!form.dhcp) {
    if (form.netmask.trim()) nic['netmask'] = form.netmask.trim();
    if (form.gateway.trim()) nic['gateway'] = form.gateway.trim();
  }
  input['nics'] = [nic];
  const resolvers = splitList(form.resolvers);
  if (resolvers.length) input['resolvers'] = resolvers;

  const metadata: Record<string, string> = {};
  if (form.rootAuthorizedKeys.trim()) metadata['root_authorized_keys'] = form.rootAuthorizedKeys;
  if (form.userScript.trim()) metadata['user-script'] = form.userScript;
  for (const row of form.metadata) {
    const key = row.key.trim();
    if (!key) continue;
    if (key in metadata) errors.metadata ??= `“${key}” is given twice`;
    metadata[key] = row.value;
  }
  if (Object.keys(metadata).length) input['customer_metadata'] = metadata;
  return { input, errors };
}

/** The form checked as the server will check it: the spec when it passes, else errors by field. */
export function checkVmForm(form: VmForm): { spec: VmSpec | null; errors: VmFormErrors } {
  const { input, errors } = specInputFromForm(form);
  const result = VmSpec.safeParse(input);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = fieldOfSpecPath(issue.path);
      errors[field] ??= issue.message;
    }
  }
  const extra = parseExtra(form.extra);
  if (!extra.ok) errors.extra = extra.error;
  return { spec: result.success && Object.keys(errors).length === 0 ? result.data : null, errors };
}
