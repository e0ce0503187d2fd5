// X11 keysyms (RFB KeyEvent) to the bytes a terminal sends for them.
const SPECIAL: Readonly<Record<number, string>> = {
  0xff08: '\x7f', // BackSpace
  0xff09: '\t',
  0xff0d: '\r', // Return
  0xff8d: '\r', // KP_Enter
  0xff1b: '\x1b',
  0xffff: '\x1b[3~', // Delete
  0xff50: '\x1b[H', // Home
  0xff57: '\x1b[F', // End
  0xff51: '\x1b[D',
  0xff52: '\x1b[A',
  0xff53: '\x1b[C',
  0xff54: '\x1b[B',
  0xff55: '\x1b[5~', // Page_Up
  0xff56: '\x1b[6~', // Page_Down
};

export const CONTROL_KEYSYMS = new Set([0xffe3, 0xffe4]);

/** The bytes for a pressed key, or undefined for keys that type nothing (Shift, Alt, ...). */
export function keysymBytes(keysym: number, control: boolean): string | undefined {
  const special = SPECIAL[keysym];
  if (special !== undefined) return special;
  if (keysym >= 0x20 && keysym <= 0xff) {
    const ch = String.fromCharCode(keysym);
    if (control) {
      const upper = ch.toUpperCase().charCodeAt(0);
      if (upper >= 0x40 && upper <= 0x5f) return String.fromCharCode(upper - 0x40);
    }
    return ch;
  }
  return undefined;
}
