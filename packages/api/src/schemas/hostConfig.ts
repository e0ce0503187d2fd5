// The hosts page's inputs and the state of each host, as values the web app can import (own
// subpath, no relative imports): the same zod rules check the form's fields and the server's input.
import { z } from 'zod';

/** 'SHA256:' and 43 base64 characters, as `ssh-keygen -lf` prints a host key's fingerprint. */
export const HostKeyFingerprint = z
  .string()
  .trim()
  .regex(/^SHA256:[A-Za-z0-9+/]{43}$/, 'a fingerprint such as SHA256:… as ssh-keygen -lf prints it');

/** Ids of the hosts the console has without the hosts page: the demo host and the environment's. */
export const RESERVED_HOST_IDS = ['sim', 'smartos'] as const;

/** The id of a host added on the hosts page: a slug used in URLs (`?host=`). */
export const NewHostId = z
  .string()
  .trim()
  .min(1, 'enter an id')
  .max(32, 'at most 32 characters')
  .regex(/^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/, 'lower-case letters, digits and inner dashes')
  .refine((id) => !(RESERVED_HOST_IDS as readonly string[]).includes(id), 'this id is reserved');

const HOSTNAME_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

function isHostname(s: string): boolean {
  return s.length <= 253 && s.split('.').every((label) => HOSTNAME_LABEL.test(label));
}

/** A host name or an IPv4/IPv6 address; never something ssh could read as an option. */
export const HostAddress = z
  .string()
  .trim()
  .min(1, 'enter a host name or IP address')
  .max(253, 'at most 253 characters')
  .refine((s) => !s.startsWith('-'), 'must not start with "-"')
  .refine(
    (s) =>
      s.startsWith('-') || isHostname(s) || z.ipv4().safeParse(s).success || z.ipv6().safeParse(s).success,
    'a host name (letters, digits, dashes, dots) or an IP address',
  );

export const SshPort = z.coerce
  .number({ error: 'a port number' })
  .int('a whole number')
  .min(1, 'a port from 1 to 65535')
  .max(65535, 'a port from 1 to 65535');

/** A POSIX login name. */
export const SshUser = z
  .string()
  .trim()
  .min(1, 'enter the user to log in as')
  .max(32, 'at most 32 characters')
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'letters, digits, "_", "." and "-", not starting with "-"');

/** 16 KiB holds any OpenSSH private key, RSA 16384 included. */
const MAX_PRIVATE_KEY = 16 * 1024;

export const AddHostInput = z
  .object({
    id: NewHostId,
    name: z
      .string()
      .trim()
      .min(1, 'enter a name')
      .max(64, 'at most 64 characters')
      .regex(/^[^\p{Cc}]*$/u, 'no control characters'),
    address: HostAddress,
    port: SshPort.default(22),
    username: SshUser,
    keySource: z.enum(['path', 'pasted'], { error: 'choose a key file or a pasted key' }),
    /** With keySource 'path': the private key file on the machine running the console. */
    keyPath: z.string().max(4096, 'at most 4096 characters').optional(),
    /** With keySource 'pasted': the private key itself; stored encrypted, never shown again. */
    privateKey: z.string().max(MAX_PRIVATE_KEY, 'at most 16 KiB').optional(),
  })
  .superRefine((v, ctx) => {
    if (v.keySource === 'path') {
      const p = v.keyPath?.trim() ?? '';
      if (!p.startsWith('/') || p.includes('\0')) {
        ctx.addIssue({
          code: 'custom',
          path: ['keyPath'],
          message: 'the absolute path of a private key file on the console’s machine',
        });
      }
    } else if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(v.privateKey ?? '')) {
      ctx.addIssue({
        code: 'custom',
        path: ['privateKey'],
        message: 'paste a private key (-----BEGIN OPENSSH PRIVATE KEY----- …)',
      });
    }
  });
export type AddHostInput = z.infer<typeof AddHostInput>;

/** Pins (or re-pins after a change) the host key the admin compared and confirmed. */
export const PinHostKeyInput = z.object({
  hostId: z.string().min(1).max(64),
  fingerprint: HostKeyFingerprint,
});
export type PinHostKeyInput = z.infer<typeof PinHostKeyInput>;

/** How a host answered when the console last tried it. */
export const HostState = z.enum([
  'connected',
  /** Its host key is not pinned yet: an admin compares the presented one and confirms it. */
  'unconfirmed',
  /** It presented another host key than the pinned one: nothing runs there. */
  'hostKeyChanged',
  'authFailed',
  'unreachable',
  /** The console cannot use its private key (a stored key that does not decrypt, a missing file). */
  'keyUnusable',
]);
export type HostState = z.infer<typeof HostState>;

export const HostStatus = z.object({
  id: z.string(),
  name: z.string(),
  /** Where it comes from: the embedded demo host, ZONEDECK_SSH_* or the hosts page. */
  source: z.enum(['demo', 'environment', 'console']),
  address: z.string().nullable(),
  port: z.number().nullable(),
  username: z.string().nullable(),
  /** How the console holds the private key; a pasted key's text never leaves the server. */
  keySource: z.enum(['path', 'stored']).nullable(),
  keyPath: z.string().nullable(),
  pinnedHostKey: z.string().nullable(),
  /** The fingerprint the host presented at the last connection attempt. */
  presentedHostKey: z.string().nullable(),
  state: HostState,
  /** Why it is not connected, in words. */
  message: z.string().nullable(),
  checkedAt: z.string(),
});
export type HostStatus = z.infer<typeof HostStatus>;

/** What adding a host returns: the key it presented, for the admin to compare and confirm. */
export const AddedHost = z.object({
  id: z.string(),
  presentedHostKey: z.string(),
});
export type AddedHost = z.infer<typeof AddedHost>;
