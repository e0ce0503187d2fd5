'use client';

import { Button } from '../common/Button';
import { ModalDialog } from '../common/ModalDialog';
import { navLinks } from '../layout/navLinks';

const kbd = 'rounded border border-line-strong bg-sunken px-1.5 py-px font-mono text-xs text-ink';

const rows: { keys: string[]; what: string; chord?: boolean }[] = [
  { keys: ['Ctrl', 'K'], chord: true, what: 'Command palette (⌘ K on a Mac): pages and actions by name' },
  ...navLinks.filter((l) => l.key).map((l) => ({ keys: ['g', l.key ?? ''], what: `Go to ${l.label}` })),
  { keys: ['/'], what: "Filter this page's list (where it has one)" },
  { keys: ['?'], what: 'This list' },
];

/** The list of keyboard shortcuts, opened with `?` or from the palette. */
export function ShortcutsDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  return (
    <ModalDialog
      open={open}
      title="Keyboard shortcuts"
      onClose={onClose}
      footer={
        <Button autoFocus onClick={onClose}>
          Close
        </Button>
      }
    >
      <p className="mb-3 text-ink-muted">They do nothing while you type in a field or a console.</p>
      <table className="w-full text-left">
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">Does</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.what} className="border-t border-line first:border-t-0">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {row.keys.map((k, i) => (
                  <span key={i}>
                    {i > 0 ? <span className="px-1 text-ink-muted">{row.chord ? '+' : 'then'}</span> : null}
                    <kbd className={kbd}>{k}</kbd>
                  </span>
                ))}
              </td>
              <td className="py-1.5">{row.what}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}
