// imgadm's image sources (on SmartOS the "sources" of /var/imgadm/imgadm.conf), kept as
//
//   <root>/imgadm/sources.json     [{"url": "http://127.0.0.1:<port>", "type": "imgapi"}, ...]
//
// A simulated host's default source is its own image server (src/imgapi/) on the port chosen
// for it (<root>/imgapi/port), so imports work offline; `imgadm sources -a|-d` edit the list.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { hostImgapiPort, imageServerUrl } from '../imgapi/hostFiles.js';
import { writeJsonAtomic } from './atomicWrite.js';
import type { SimLayout } from './layout.js';

export interface SourceInfo {
  url: string;
  type: string;
  insecure?: boolean;
}

/** imgadm's built-in default (common.DEFAULT_SOURCE). */
export const PUBLIC_SOURCE_URL = 'https://images.smartos.org';

export function imgadmDir(layout: SimLayout): string {
  return join(layout.root, 'imgadm');
}

export function sourcesFile(layout: SimLayout): string {
  return join(imgadmDir(layout), 'sources.json');
}

function isSourceInfo(v: unknown): v is SourceInfo {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Record<string, unknown>;
  return typeof s.url === 'string' && typeof s.type === 'string';
}

/** The configured sources, or undefined when the host has no sources.json yet. */
export function readSources(layout: SimLayout): SourceInfo[] | undefined {
  let text: string;
  try {
    text = readFileSync(sourcesFile(layout), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every(isSourceInfo))
    throw new Error(`${sourcesFile(layout)}: expected an array of {url, type}`);
  return value;
}

export function writeSources(layout: SimLayout, sources: readonly SourceInfo[]): void {
  mkdirSync(imgadmDir(layout), { recursive: true });
  writeJsonAtomic(sourcesFile(layout), sources);
}

/** The host's own image server as a source. */
export async function localSource(layout: SimLayout): Promise<SourceInfo> {
  return { url: imageServerUrl(await hostImgapiPort(layout.root)), type: 'imgapi' };
}

/** The configured sources; a host without sources.json gets (and keeps) its local server. */
export async function hostSources(layout: SimLayout): Promise<SourceInfo[]> {
  const known = readSources(layout);
  if (known !== undefined) return known;
  const sources = [await localSource(layout)];
  writeSources(layout, sources);
  return sources;
}
