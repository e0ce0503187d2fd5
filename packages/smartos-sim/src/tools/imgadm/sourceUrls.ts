// Image sources as imgadm names and compares them (common.normUrlFromUrl, Source.toString),
// and the host's own image server: started before a command first talks to it.
import { ensureImageServer } from '../../imgapi/daemon.js';
import { imageServerUrl, readHostPort } from '../../imgapi/hostFiles.js';
import type { SourceInfo } from '../../state/imgadmSources.js';
import type { SimLayout } from '../../state/layout.js';

/** The URL normalised for comparison: scheme added, no trailing '/', no redundant port. */
export function normUrl(u: string): string {
  const withScheme = /^\w+:\/\//.test(u) ? u : `http://${u}`;
  try {
    const p = new URL(withScheme);
    const path = p.pathname.endsWith('/') ? p.pathname.slice(0, -1) : p.pathname;
    return `${p.protocol}//${p.host}${path}${p.search}`;
  } catch {
    return withScheme.replace(/\/$/, '');
  }
}

/** `"imgapi" image source "<url>"` (+ ` (insecure)`). */
export function sourceString(s: SourceInfo): string {
  return `"${s.type}" image source "${s.url}"${s.insecure === true ? ' (insecure)' : ''}`;
}

/** Whether `url` is the host's own image server. */
export function isHostServer(layout: SimLayout, url: string): boolean {
  const port = readHostPort(layout.root);
  return port !== undefined && normUrl(url) === normUrl(imageServerUrl(port));
}

/** Starts the host's image server when `url` is it and nothing answers there. */
export async function prepareSource(layout: SimLayout, url: string): Promise<void> {
  if (isHostServer(layout, url)) await ensureImageServer(layout.root);
}
