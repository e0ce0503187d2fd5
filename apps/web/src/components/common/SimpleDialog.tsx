'use client';

import { useEffect, useId, useRef, type ReactNode } from 'react';

/**
 * A small modal with a title, a body and a row of buttons, on the native <dialog>: showModal()
 * traps focus, makes the page behind inert and closes on Escape (reported through onClose).
 * ConfirmDialog and NoticeDialog are its two uses.
 */
export function SimpleDialog({
  open,
  title,
  children,
  buttons,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  buttons: ReactNode;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const bodyId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onClose={() => {
        if (open) onClose();
      }}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-lg border border-line bg-surface p-0 text-ink shadow-xl backdrop:bg-black/40"
    >
      {open ? (
        <div className="p-5">
          <h2 id={titleId} className="text-base font-semibold">
            {title}
          </h2>
          <div id={bodyId} className="mt-2 text-ink-muted">
            {children}
          </div>
          <div className="mt-5 flex justify-end gap-2">{buttons}</div>
        </div>
      ) : null}
    </dialog>
  );
}
