/**
 * The console WebSocket protocol (`/api/console`), shared by the BFF relay and the web app.
 * Written down in docs/consoleProtocol.md: binary frames carry the stream's bytes, text frames
 * carry the JSON control messages below.
 *
 * Self-contained (zod only) on purpose: the web app bundles these values through the
 * `@zonedeck/api/schemas/consoleProtocol` export, and Next's Turbopack does not resolve the
 * `./x.js` specifiers of the other schema files to their `.ts` sources.
 */
import { z } from 'zod';

export const ConsoleKind = z.enum(['vnc', 'serial', 'shell']);
export type ConsoleKind = z.infer<typeof ConsoleKind>;

export const ConsoleTicket = z.object({
  /** 32 random bytes, base64url; single use, valid for 30 s, bound to the session. */
  ticket: z.string(),
  /** Where to open the WebSocket (same origin): `/api/console?ticket=…`. */
  path: z.string(),
  kind: ConsoleKind,
});
export type ConsoleTicket = z.infer<typeof ConsoleTicket>;

/** The WebSocket subprotocol of websockify (and noVNC): binary frames only for data. */
export const CONSOLE_SUBPROTOCOL = 'binary';

/**
 * Flow control window of terminal streams: the relay pauses its source above this many unacked
 * bytes. 1 MiB: at 256 KiB the source waited for acks often enough to hold `cat` through the
 * relay to 0.57x of the raw PTY (0.88x at 1 MiB, same machine, bench/README.md).
 */
export const CONSOLE_ACK_WINDOW = 1024 * 1024;

const Dimension = z.number().int().min(1).max(1000);

export const ConsoleClientMessage = z.discriminatedUnion('type', [
  z.object({ type: z.literal('resize'), cols: Dimension, rows: Dimension }),
  /** Bytes the client has rendered (written to xterm.js) since its last ack. */
  z.object({
    type: z.literal('ack'),
    bytes: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31),
  }),
  z.object({ type: z.literal('ping'), id: z.number().int().optional() }),
]);
export type ConsoleClientMessage = z.infer<typeof ConsoleClientMessage>;

export const ConsoleServerMessage = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    kind: ConsoleKind,
    vm: z.object({ uuid: z.string(), alias: z.string().nullable() }),
  }),
  z.object({ type: z.literal('pong'), id: z.number().int().optional() }),
  /** Who else has this VM's console open (user names; one entry per other open console). */
  z.object({ type: z.literal('viewers'), users: z.array(z.string()) }),
  /** Sent just before the server closes the socket, with the WebSocket close code it will use. */
  z.object({ type: z.literal('closed'), reason: z.string(), code: z.number().int() }),
]);
export type ConsoleServerMessage = z.infer<typeof ConsoleServerMessage>;
