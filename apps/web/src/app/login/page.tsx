import type { Metadata } from 'next';

import { LoginForm } from '../../components/auth/LoginForm';

export const metadata: Metadata = { title: 'Sign in' };

export default function LoginPage() {
  return (
    <main className="flex min-h-dvh items-center justify-center px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <p className="text-xl font-semibold tracking-tight">ZoneDeck</p>
          <p className="mt-1 text-ink-muted">Sign in to manage your SmartOS hosts</p>
        </div>
        <LoginForm />
      </div>
    </main>
  );
}
