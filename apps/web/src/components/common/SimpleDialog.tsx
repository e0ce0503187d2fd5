'use client';

import { useId, type ReactNode } from 'react';

import { DialogBase } from './DialogBase';

/**
 * A small modal with a title, a body and a row of buttons (on DialogBase: focus trapped and given
 * back). ConfirmDialog and NoticeDialog are its two uses.
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
  const titleId = useId();
  const bodyId = useId();

  return (
    <DialogBase open={open} onClose={onClose} labelledBy={titleId} describedBy={bodyId} className="max-w-md">
      <div className="p-5">
        <h2 id={titleId} className="text-base font-semibold">
          {title}
        </h2>
        <div id={bodyId} className="mt-2 text-ink-muted">
          {children}
        </div>
        <div className="mt-5 flex justify-end gap-2">{buttons}</div>
      </div>
    </DialogBase>
  );
}
