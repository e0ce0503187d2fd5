'use client';

import type { ReactNode } from 'react';

import { Button } from './Button';
import { SimpleDialog } from './SimpleDialog';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  /** Cancel, Escape, or the dialog closing any other way. */
  onCancel: () => void;
}

/**
 * A modal question before something that cannot be taken back. The native <dialog> opened with
 * showModal() traps focus, makes the page behind inert and closes on Escape by itself.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  return (
    <SimpleDialog
      open={open}
      title={title}
      onClose={onCancel}
      buttons={
        <>
          {/* The safe choice has the focus, so Enter on an unread dialog does nothing harmful. */}
          <Button autoFocus onClick={onCancel}>
            Cancel
          </Button>
          <Button variant="danger" onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </SimpleDialog>
  );
}
