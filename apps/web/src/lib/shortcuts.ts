// The keyboard shortcuts: which key sequence does what, and when keys belong to something else.
// Pure: tested in shortcuts.test.ts.

/** After `g`, the second key must come within this long. */
export const SEQUENCE_MS = 1_500;

export type ShortcutAction =
  | { kind: 'go'; key: string }
  | { kind: 'filter' }
  | { kind: 'help' }
  | { kind: 'pending' }
  | { kind: 'none' };

export interface KeyInfo {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

/**
 * What a key press means, given the `g` pressed before it (its time, or null). Modified keys
 * (Ctrl, Cmd, Alt) are never shortcuts here: the browser's and the palette's own.
 */
export function shortcutFor(event: KeyInfo, pendingSince: number | null, now: number): ShortcutAction {
  if (event.ctrlKey || event.metaKey || event.altKey) return { kind: 'none' };
  if (pendingSince !== null && now - pendingSince <= SEQUENCE_MS) {
    return /^[a-z]$/.test(event.key) ? { kind: 'go', key: event.key } : { kind: 'none' };
  }
  switch (event.key) {
    case 'g':
      return { kind: 'pending' };
    case '/':
      return { kind: 'filter' };
    case '?':
      return { kind: 'help' };
    default:
      return { kind: 'none' };
  }
}

export interface TargetInfo {
  tagName: string;
  isContentEditable: boolean;
  type?: string;
  /** Inside an element that takes every key for itself (a VNC or serial console). */
  inKeyboardCapture: boolean;
}

const TEXT_INPUT_TYPES = new Set([
  'button',
  'checkbox',
  'radio',
  'reset',
  'submit',
  'range',
  'color',
  'file',
]);

/** Whether keys typed at this element are text (or a console's) rather than shortcuts. */
export function isTyping(target: TargetInfo): boolean {
  if (target.inKeyboardCapture || target.isContentEditable) return true;
  const tag = target.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT' || tag === 'CANVAS') return true;
  if (tag === 'INPUT') return !TEXT_INPUT_TYPES.has((target.type ?? 'text').toLowerCase());
  return false;
}
