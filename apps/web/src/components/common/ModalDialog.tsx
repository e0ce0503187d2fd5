'use client';

import { X } from 'lucide-react';
import { useId, type ReactNode } from 'react';

import { DialogBase } from './DialogBase';

export interface ModalDialogProps {
  open: boolean;
  title: string;
  /** Escape, the close button, or the dialog closing any other way. */
  onClose: () => void;
  children: ReactNode;
  /** The buttons row at the bottom. */
  footer?: ReactNode;
  size?: 'md' | 'lg';
}

/** A modal with a title bar, a scrolling body and a footer of buttons (on DialogBase). */
export function ModalDialog({ open, title, onClose, children, footer, size = 'md' }: ModalDialogProps) {
  const titleId = useId();

  return (
    <DialogBase
      open={open}
      onClose={onClose}
      labelledBy={titleId}
      className={`max-h-[calc(100dvh-2rem)] ${size === 'lg' ? 'max-w-2xl' : 'max-w-md'}`}
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex items-start justify-between gap-3 border-b border-line px-5 py-3">
          <h2 id={titleId} className="min-w-0 text-base font-semibold break-words">
            {title}
          </h2>
          <button
            type="button"
            aria-label="Close"
            onClick={onClose}
            className="-mr-2 rounded p-1 text-ink-muted hover:bg-sunken hover:text-ink focus-visible:outline-2 focus-visible:outline-accent"
          >
            <X aria-hidden="true" className="size-4" />
          </button>
        </div>
        <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">{children}</div>
        {footer ? (
          <div className="flex justify-end gap-2 border-t border-line bg-sunken/60 px-5 py-3">{footer}</div>
        ) : null}
      </div>
    </DialogBase>
  );
}
