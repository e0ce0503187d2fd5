'use client';

import { Toaster } from 'sonner';

/** Where toasts appear; sonner makes it an aria-live region (Alt+T moves focus to it). */
export function AppToaster() {
  return (
    <Toaster
      position="bottom-right"
      theme="system"
      richColors
      closeButton
      visibleToasts={5}
      toastOptions={{ className: 'font-sans text-sm' }}
    />
  );
}
