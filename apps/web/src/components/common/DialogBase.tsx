'use client';

import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The base of every modal of the console (SimpleDialog, ModalDialog), on the native <dialog>:
 * showModal() traps the focus, makes the page behind inert and closes on Escape (reported through
 * onClose); on close the focus goes back to what had it before (the button that opened it).
 * Its children render only while open, so an autoFocus inside takes the focus each time.
 */
export function DialogBase({
  open,
  onClose,
  labelledBy,
  describedBy,
  className,
  children,
}: {
  open: boolean;
  onClose: () => void;
  labelledBy: string;
  describedBy?: string;
  className: string;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    }
    if (!open && dialog.open) {
      dialog.close();
      if (opener.current?.isConnected) opener.current.focus();
    }
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={() => {
        if (open) onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40 ${className}`}
    >
      {open ? children : null}
    </dialog>
  );
}
