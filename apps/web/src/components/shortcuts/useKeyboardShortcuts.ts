'use client';

import { useEffect, useRef } from 'react';

import { isTyping, shortcutFor } from '../../lib/shortcuts';

export interface ShortcutHandlers {
  /** Ctrl-K or Cmd-K, wherever the focus is (except in a console, which keeps its keys). */
  togglePalette: () => void;
  /** `?` */
  showHelp: () => void;
  /** `g` then `key`. */
  go: (key: string) => void;
}

function typingAt(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return isTyping({
    tagName: target.tagName,
    isContentEditable: target.isContentEditable,
    type: target instanceof HTMLInputElement ? target.type : undefined,
    inKeyboardCapture: target.closest('[data-keyboard-capture]') !== null,
  });
}

/** A modal is open (a native <dialog>, the palette, a confirmation): its keys are its own. */
function modalOpen(): boolean {
  return document.querySelector('dialog[open], [role="dialog"][aria-modal="true"], [cmdk-dialog]') !== null;
}

/** The page's filter field: pages mark theirs with `data-page-filter`. */
function focusPageFilter(): boolean {
  const field = document.querySelector<HTMLElement>('[data-page-filter]');
  if (!field) return false;
  field.focus();
  if (field instanceof HTMLInputElement) field.select();
  return true;
}

/**
 * The console's keyboard shortcuts, on the whole window: g v (VMs), g i, g s…, / for the page's
 * filter, ? for the list. None fires while typing in a field or a console, or with a modal open.
 */
export function useKeyboardShortcuts(handlers: ShortcutHandlers): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let pendingSince: number | null = null;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.isComposing) return;
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        latest.current.togglePalette();
        return;
      }
      if (event.repeat || typingAt(event.target) || modalOpen()) return;
      const action = shortcutFor(event, pendingSince, event.timeStamp);
      pendingSince = null;
      switch (action.kind) {
        case 'pending':
          pendingSince = event.timeStamp;
          return;
        case 'go':
          event.preventDefault();
          latest.current.go(action.key);
          return;
        case 'filter':
          if (focusPageFilter()) event.preventDefault();
          return;
        case 'help':
          event.preventDefault();
          latest.current.showHelp();
          return;
        case 'none':
          return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}
