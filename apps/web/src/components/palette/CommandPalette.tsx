'use client';

import { Command, defaultFilter } from 'cmdk';

import type { PaletteCommand } from '../../lib/paletteCommands';
import { usePaletteData } from './usePaletteData';

const groups: PaletteCommand['group'][] = ['Pages', 'VMs', 'Consoles', 'Images', 'Storage', 'Preferences'];

/** cmdk matches on the label (keywords add the uuid, brand…); the value is the unique id. */
function filter(_value: string, search: string, keywords?: string[]): number {
  const [label = '', ...rest] = keywords ?? [];
  return defaultFilter(label, search, rest);
}

function PaletteCommands({ hostId, onRun }: { hostId: string; onRun: (command: PaletteCommand) => void }) {
  const { commands, loading } = usePaletteData(hostId);
  return (
    <>
      {loading ? <Command.Loading>Reading the VMs…</Command.Loading> : null}
      <Command.Empty className="px-3 py-6 text-center text-ink-muted">
        Nothing matches. Try a page (“storage”), a VM’s name, or an action (“start”, “console”).
      </Command.Empty>
      {groups.map((group) => {
        const items = commands.filter((c) => c.group === group);
        if (items.length === 0) return null;
        return (
          <Command.Group
            key={group}
            heading={group}
            className="**:[[cmdk-group-heading]]:px-3 **:[[cmdk-group-heading]]:pt-2 **:[[cmdk-group-heading]]:pb-1 **:[[cmdk-group-heading]]:text-xs **:[[cmdk-group-heading]]:font-medium **:[[cmdk-group-heading]]:text-ink-muted"
          >
            {items.map((command) => (
              <Command.Item
                key={command.id}
                value={command.id}
                keywords={[command.label, ...command.keywords]}
                onSelect={() => onRun(command)}
                className="mx-1 flex cursor-default items-center justify-between gap-3 rounded-md px-2 py-1.5 data-[selected=true]:bg-accent data-[selected=true]:text-accent-ink"
              >
                <span className="min-w-0 truncate">{command.label}</span>
                {command.confirm ? <span className="shrink-0 text-xs opacity-80">asks first</span> : null}
              </Command.Item>
            ))}
          </Command.Group>
        );
      })}
    </>
  );
}

/**
 * The command palette (Ctrl/Cmd-K): every page and every action the user's role allows, by name.
 * cmdk's dialog (Radix) traps the focus and gives it back on close.
 */
export function CommandPalette({
  open,
  onOpenChange,
  hostId,
  onRun,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  hostId: string | null;
  onRun: (command: PaletteCommand) => void;
}) {
  return (
    <Command.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label="Command palette"
      filter={filter}
      loop
      overlayClassName="fixed inset-0 z-40 bg-black/40"
      contentClassName="fixed top-[12vh] left-1/2 z-50 w-[calc(100%-2rem)] max-w-xl -translate-x-1/2 overflow-hidden rounded-lg border border-line bg-surface text-ink shadow-xl"
    >
      <Command.Input
        aria-label="Command"
        placeholder="Go to a page, or act on a VM: “start elk”, “open console samba”…"
        className="block h-11 w-full border-b border-line bg-transparent px-3 text-sm text-ink placeholder:text-ink-muted focus:outline-none"
      />
      <Command.List className="max-h-[min(60vh,28rem)] overflow-y-auto py-1 text-sm">
        {open && hostId ? <PaletteCommands hostId={hostId} onRun={onRun} /> : null}
      </Command.List>
    </Command.Dialog>
  );
}
