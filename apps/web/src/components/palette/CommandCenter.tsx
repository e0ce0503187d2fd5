'use client';

import { useQuery } from '@tanstack/react-query';
import { Search } from 'lucide-react';
import dynamic from 'next/dynamic';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';

import type { PaletteAction, PaletteCommand } from '../../lib/paletteCommands';
import { useTRPC } from '../../trpc/provider';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { useImageActions } from '../images/useImageActions';
import { navLinks } from '../layout/navLinks';
import { ShortcutsDialog } from '../shortcuts/ShortcutsDialog';
import { useKeyboardShortcuts } from '../shortcuts/useKeyboardShortcuts';
import { useScrub } from '../storage/useScrub';
import { useTheme } from '../theme/ThemeProvider';
import { useVmPowerActions } from '../vms/useVmPowerActions';

// cmdk and its Radix dialog load on the first Ctrl-K, not with every page (about 22 KiB gzip).
const CommandPalette = dynamic(() => import('./CommandPalette').then((m) => m.CommandPalette), {
  ssr: false,
});

/** The host the page is about (`?host=`), else the console's first. */
function useCurrentHostId(): string | null {
  const trpc = useTRPC();
  const wanted = useSearchParams().get('host');
  const hosts = useQuery(trpc.host.list.queryOptions());
  const list = hosts.data ?? [];
  return (list.find((h) => h.id === wanted) ?? list[0])?.id ?? null;
}

/**
 * The keyboard layer of the console: the palette and its header button, the shortcuts and their
 * list, and the confirmation a destructive command asks for. It stays mounted, so an action
 * chosen in the palette finishes (and toasts) after the palette has closed.
 */
export function CommandCenter() {
  const router = useRouter();
  const hostId = useCurrentHostId();
  const power = useVmPowerActions(hostId ?? '');
  const images = useImageActions(hostId ?? '', []);
  const scrub = useScrub(hostId ?? '');
  const { setTheme } = useTheme();
  const [paletteOpen, setPaletteOpenState] = useState(false);
  const [paletteLoaded, setPaletteLoaded] = useState(false);
  const setPaletteOpen = (open: boolean | ((was: boolean) => boolean)) => {
    setPaletteLoaded(true);
    setPaletteOpenState(open);
  };
  const [helpOpen, setHelpOpen] = useState(false);
  const [confirming, setConfirming] = useState<PaletteCommand | null>(null);

  useKeyboardShortcuts({
    togglePalette: () => setPaletteOpen((open) => !open),
    showHelp: () => setHelpOpen(true),
    go: (key) => {
      const link = navLinks.find((l) => l.key === key);
      if (link) router.push(link.href);
    },
  });

  function perform(action: PaletteAction) {
    switch (action.kind) {
      case 'navigate':
        router.push(action.href);
        return;
      case 'power':
        power.run(action.action, action.vm);
        return;
      case 'import':
        // The import starts here; the images page shows it running and what it installed.
        images.importImage(action.uuid);
        router.push('/images');
        return;
      case 'scrub':
        scrub.start(action.pool);
        return;
      case 'theme':
        setTheme(action.theme);
        return;
      case 'shortcuts':
        setHelpOpen(true);
        return;
    }
  }

  function run(command: PaletteCommand) {
    setPaletteOpen(false);
    if (command.confirm) setConfirming(command);
    else perform(command.action);
  }

  return (
    <>
      <button
        type="button"
        onClick={() => setPaletteOpen(true)}
        // Fetch the palette's code as the pointer nears, so the first click opens it at once.
        onPointerEnter={() => void import('./CommandPalette')}
        aria-keyshortcuts="Control+K Meta+K"
        className="flex h-8 items-center gap-2 rounded-md border border-line-strong bg-surface px-2 text-ink-muted hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
      >
        <Search aria-hidden="true" className="size-3.5" />
        <span className="hidden xl:inline">Search or run a command</span>
        <span className="xl:hidden">Commands</span>
        <kbd className="rounded border border-line px-1 font-mono text-[11px]">Ctrl K</kbd>
      </button>
      {paletteLoaded ? (
        <CommandPalette open={paletteOpen} onOpenChange={setPaletteOpen} hostId={hostId} onRun={run} />
      ) : null}
      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
      <ConfirmDialog
        open={confirming !== null}
        title={confirming?.confirm?.title ?? ''}
        confirmLabel={confirming?.confirm?.confirmLabel ?? ''}
        onCancel={() => setConfirming(null)}
        onConfirm={() => {
          if (confirming) perform(confirming.action);
          setConfirming(null);
        }}
      >
        {confirming?.confirm?.body}
      </ConfirmDialog>
    </>
  );
}
