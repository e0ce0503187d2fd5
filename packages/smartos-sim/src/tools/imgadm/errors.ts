// imgadm's errors (smartos-live src/img/lib/errors.js, cmdln's OptionError/UnknownCommand):
// a CamelCase code, a message and an exit status. cmdln prints them on stderr as
// `imgadm <subcmd>: error (<Code>): <message>`.
export class ImgadmError extends Error {
  readonly code: string;
  readonly exitStatus: number;
  constructor(code: string, message: string, exitStatus = 1) {
    super(message);
    this.name = 'ImgadmError';
    this.code = code;
    this.exitStatus = exitStatus;
  }
}

export const usageError = (message: string): ImgadmError => new ImgadmError('Usage', message);

export const optionError = (message: string): ImgadmError => new ImgadmError('Option', message);

export const unknownCommand = (command: string): ImgadmError =>
  new ImgadmError('UnknownCommand', `unknown command: "${command}"`);

export const invalidUuid = (uuid: string): ImgadmError =>
  new ImgadmError('InvalidUUID', `invalid uuid: "${uuid}"`);

export const noSources = (): ImgadmError => new ImgadmError('NoSources', 'imgadm has no configured sources');

export const imageNotFound = (uuid: string): ImgadmError =>
  new ImgadmError('ImageNotFound', `image "${uuid}" was not found`);

export const activeImageNotFound = (arg: string): ImgadmError =>
  new ImgadmError('ActiveImageNotFound', `an active image "${arg}" was not found in image sources`);

export const imageNotActive = (uuid: string): ImgadmError =>
  new ImgadmError('ImageNotActive', `image "${uuid}" is not active`);

export const imageNotInstalled = (zpool: string, uuid: string): ImgadmError =>
  new ImgadmError('ImageNotInstalled', `image "${uuid}" was not found on zpool "${zpool}"`, 3);

export function imageHasDependentClones(uuid: string, clones: readonly string[]): ImgadmError {
  let message = `image "${uuid}" has dependent clones: ${clones[0] ?? ''}`;
  if (clones.length > 1) message += ` and ${clones.length - 1} others...`;
  return new ImgadmError('ImageHasDependentClones', message);
}

export const downloadError = (message: string): ImgadmError => new ImgadmError('DownloadError', message);

export const sourcePingError = (type: string, url: string, cause?: string): ImgadmError =>
  new ImgadmError(
    'SourcePing',
    `unexpected ping error with "${type}" image source "${url}"${cause === undefined ? '' : `: ${cause}`}`,
  );

/** Several errors at once (MultiError): one line each, indented. */
export function multiError(errs: readonly ImgadmError[]): ImgadmError {
  if (errs.length === 1 && errs[0] !== undefined) return errs[0];
  const lines = [
    `multiple (${errs.length}) errors`,
    ...errs.map((e) => `    error (${e.code}): ${e.message}`),
  ];
  return new ImgadmError('MultiError', lines.join('\n'));
}
