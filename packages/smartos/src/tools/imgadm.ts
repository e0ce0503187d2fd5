/**
 * imgadm(8): argv builders and thin calls. imgadm uses cmdln/dashdash, which end options
 * at `--`. Import runs on a terminal (imgadmImport.ts) so its progress bar can be read.
 */
import type {
  ImageImportEvent,
  ImageInfo,
  ImageManifest,
  ImageSource,
  ImageSourceChange,
} from '../model/image.js';
import {
  parseImgadmAvailJson,
  parseImgadmDelete,
  parseImgadmGet,
  parseImgadmListJson,
  parseImgadmSources,
  parseImgadmSourcesChange,
} from '../parsers/imgadm.js';
import { assertUuid } from '../uuid.js';
import { runImportOnTerminal } from './imgadmImport.js';
import { assertPoolName, assertSourceUrl } from './operands.js';
import { runAndParse } from './runTool.js';
import type { CallOptions, ToolContext } from './tool.js';

const pool = (p?: string): string[] => (p === undefined ? [] : ['-P', assertPoolName(p)]);

export function imgadmListArgv(command: string): string[] {
  return [command, 'list', '-j'];
}

export function imgadmAvailArgv(command: string): string[] {
  return [command, 'avail', '-j'];
}

export function imgadmGetArgv(command: string, uuid: string, opts: { pool?: string } = {}): string[] {
  return [command, 'get', ...pool(opts.pool), '--', assertUuid(uuid)];
}

/** Without -q: on a terminal imgadm then draws its download bar. */
export function imgadmImportArgv(command: string, uuid: string, opts: { pool?: string } = {}): string[] {
  return [command, 'import', ...pool(opts.pool), '--', assertUuid(uuid)];
}

export function imgadmDeleteArgv(command: string, uuid: string, opts: { pool?: string } = {}): string[] {
  return [command, 'delete', ...pool(opts.pool), '--', assertUuid(uuid)];
}

export function imgadmSourcesArgv(command: string): string[] {
  return [command, 'sources', '-j'];
}

export function imgadmSourcesChangeArgv(command: string, action: 'add' | 'delete', url: string): string[] {
  return [command, 'sources', action === 'add' ? '-a' : '-d', assertSourceUrl(url)];
}

export async function imgadmList(ctx: ToolContext, call: CallOptions): Promise<ImageInfo[]> {
  return runAndParse(ctx.transport, { argv: imgadmListArgv(ctx.command), ...call }, parseImgadmListJson);
}

/** The images the configured sources offer. */
export async function imgadmAvail(ctx: ToolContext, call: CallOptions): Promise<ImageManifest[]> {
  return runAndParse(ctx.transport, { argv: imgadmAvailArgv(ctx.command), ...call }, parseImgadmAvailJson);
}

export async function imgadmGet(
  ctx: ToolContext,
  uuid: string,
  call: CallOptions,
  opts: { pool?: string } = {},
): Promise<ImageInfo> {
  return runAndParse(
    ctx.transport,
    { argv: imgadmGetArgv(ctx.command, uuid, opts), ...call },
    parseImgadmGet,
  );
}

/**
 * Imports an image on a terminal, so imgadm draws its download bar; `onEvent` gets each line
 * and each draw as it comes.
 */
export async function imgadmImport(
  ctx: ToolContext,
  uuid: string,
  call: CallOptions,
  opts: { pool?: string; onEvent?: (event: ImageImportEvent) => void } = {},
): Promise<ImageImportEvent[]> {
  return runImportOnTerminal(
    ctx,
    { argv: imgadmImportArgv(ctx.command, uuid, opts), ...(opts.onEvent && { onEvent: opts.onEvent }) },
    call,
  );
}

export async function imgadmDelete(
  ctx: ToolContext,
  uuid: string,
  call: CallOptions,
  opts: { pool?: string } = {},
): Promise<{ uuid: string }> {
  return runAndParse(
    ctx.transport,
    { argv: imgadmDeleteArgv(ctx.command, uuid, opts), ...call },
    parseImgadmDelete,
  );
}

export async function imgadmSources(ctx: ToolContext, call: CallOptions): Promise<ImageSource[]> {
  return runAndParse(ctx.transport, { argv: imgadmSourcesArgv(ctx.command), ...call }, parseImgadmSources);
}

export async function imgadmSourcesChange(
  ctx: ToolContext,
  action: 'add' | 'delete',
  url: string,
  call: CallOptions,
): Promise<ImageSourceChange> {
  return runAndParse(
    ctx.transport,
    { argv: imgadmSourcesChangeArgv(ctx.command, action, url), ...call },
    parseImgadmSourcesChange,
  );
}
