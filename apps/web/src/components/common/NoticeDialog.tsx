'use client';

import type { ReactNode } from 'react';

import { Button } from './Button';
import { SimpleDialog } from './SimpleDialog';

/** A modal that only informs (why something cannot be done), closed with its one button or Escape. */
export function NoticeDialog({
  open,
  title,
  children,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  onClose: () => void;
}) {
  return (
    <SimpleDialog
      open={open}
      title={title}
      onClose={onClose}
      buttons={
        <Button autoFocus onClick={onClose}>
          Close
        </Button>
      }
    >
      {children}
    </SimpleDialog>
  );
}
