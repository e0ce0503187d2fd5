/**
 * Limits of the one HTTP(S) server, so a slow or greedy client cannot hold it: request headers
 * must arrive within HEADERS_TIMEOUT_MS and the whole request (a 1 MiB tRPC body at most) within
 * REQUEST_TIMEOUT_MS; idle keep-alive connections close after KEEP_ALIVE_TIMEOUT_MS. Node checks
 * the first two every CHECK_INTERVAL_MS. Long responses (SSE) and WebSockets are not requests
 * being received, so these do not cut them.
 */
export interface ServerLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  checkIntervalMs: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  headersTimeoutMs: 15_000,
  requestTimeoutMs: 30_000,
  keepAliveTimeoutMs: 5_000,
  checkIntervalMs: 2_000,
};

/** The largest tRPC request body (413 above it). */
export const MAX_BODY_BYTES = 1 << 20;
/** The largest WebSocket message a console accepts (the socket closes with 1009 above it). */
export const MAX_CONSOLE_MESSAGE_BYTES = 1 << 20;
/** Request headers larger than this are refused with 431 (Node's default, stated here). */
export const MAX_HEADER_BYTES = 16 << 10;

/** The options node:http and node:https servers take for these limits. */
export function serverOptionsOf(limits: ServerLimits) {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: limits.checkIntervalMs,
    maxHeaderSize: MAX_HEADER_BYTES,
  };
}
