'use client';

import { ShieldCheck } from 'lucide-react';
import { useState } from 'react';

import type { PoolStatus } from '@zonedeck/api/schemas';

import { useNow } from '../../hooks/useNow';
import { formatDateTime, formatDuration, formatRelativeTime } from '../../lib/format';
import { formatBytes, scanFraction, scrubAge } from '../../lib/storage';
import { Button } from '../common/Button';
import { ConfirmDialog } from '../common/ConfirmDialog';
import { Meter } from '../common/Meter';
import { ToneBadge } from '../common/ToneBadge';
import { useScrub } from './useScrub';

function ScanState({ status }: { status: PoolStatus }) {
  const now = useNow(30_000);
  const scan = status.scan;
  const age = scrubAge(scan, now);
  switch (scan.kind) {
    case 'in-progress': {
      const fraction = scanFraction(scan);
      const verb = scan.operation === 'scrub' ? 'Scrubbing' : 'Resilvering';
      return (
        <div className="space-y-2" aria-live="polite">
          <p className="flex flex-wrap items-baseline justify-between gap-2">
            <span className="font-medium">
              {verb}…{' '}
              <span className="tabular-nums">
                {fraction === null ? '' : `${(fraction * 100).toFixed(1)} %`}
              </span>
            </span>
            <span className="text-xs text-ink-muted">since {scan.since}</span>
          </p>
          <Meter value={fraction} label={`${verb} ${status.pool}`} />
          <p className="text-xs text-ink-muted tabular-nums">
            {formatBytes(scan.issuedBytes ?? scan.scannedBytes)} of {formatBytes(scan.totalBytes)} issued
            {scan.repairedBytes ? ` · ${formatBytes(scan.repairedBytes)} repaired` : ''}
            {scan.etaSeconds !== null ? ` · ${formatDuration(scan.etaSeconds * 1000)} left` : ''}
          </p>
        </div>
      );
    }
    case 'finished':
      return (
        <div className="space-y-1.5">
          <p className="flex flex-wrap items-center gap-2">
            <span className="font-medium">Last {scan.operation}</span>
            {scan.errors > 0 ? (
              <ToneBadge tone="bad">
                {scan.errors} error{scan.errors === 1 ? '' : 's'}
              </ToneBadge>
            ) : (
              <ToneBadge tone="ok">no errors</ToneBadge>
            )}
            {age.stale ? <ToneBadge tone="busy">over a week old</ToneBadge> : null}
          </p>
          <p>
            {age.lastAt ? (
              <time dateTime={age.lastAt.toISOString()} title={scan.at}>
                {formatDateTime(age.lastAt.toISOString())} (
                {formatRelativeTime(age.lastAt.toISOString(), now)})
              </time>
            ) : (
              <span>{scan.at}</span>
            )}
          </p>
          <p className="text-xs text-ink-muted tabular-nums">
            repaired {formatBytes(scan.repairedBytes ?? 0)} in {formatDuration(scan.durationSeconds * 1000)}
          </p>
        </div>
      );
    case 'canceled':
      return (
        <p className="flex flex-wrap items-center gap-2">
          <span>
            The last {scan.operation} was canceled on {scan.at}.
          </span>
          <ToneBadge tone="busy">not verified</ToneBadge>
        </p>
      );
    case 'paused':
      return (
        <p>
          The {scan.operation} is paused (since {scan.since}).
        </p>
      );
    case 'none':
      return (
        <p className="flex flex-wrap items-center gap-2">
          <span>This pool has never been scrubbed.</span>
          <ToneBadge tone="busy">never scrubbed</ToneBadge>
        </p>
      );
    case 'unknown':
      return <p className="font-mono text-xs">{scan.text}</p>;
  }
}

/**
 * The pool's scrub: live progress while one runs (the page polls `zpool status` every 2 s), the
 * last result and its age (flagged past a week), and Start for admins, after a confirmation.
 */
export function ScrubPanel({
  hostId,
  status,
  canScrub,
}: {
  hostId: string;
  status: PoolStatus;
  canScrub: boolean;
}) {
  const [asking, setAsking] = useState(false);
  const scrub = useScrub(hostId, [status.pool]);
  const running = status.scan.kind === 'in-progress' || scrub.isBusy(status.pool);

  return (
    <div className="space-y-3">
      <ScanState status={status} />
      {status.errors ? (
        <p className="text-xs">
          <span className="text-ink-muted">Errors: </span>
          <span className="whitespace-pre-wrap">{status.errors}</span>
        </p>
      ) : null}
      {canScrub ? (
        <>
          <Button onClick={() => setAsking(true)} disabled={running}>
            <ShieldCheck aria-hidden="true" className="size-4" />
            {running ? 'Scrub running' : 'Start scrub'}
          </Button>
          <ConfirmDialog
            open={asking}
            title={`Scrub ${status.pool}?`}
            confirmLabel="Start scrub"
            onCancel={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              scrub.start(status.pool);
            }}
          >
            The scrub reads every block of the pool and checks its checksum, repairing from the mirror copy.
            It runs in the background at low priority but adds disk load until it finishes.
          </ConfirmDialog>
        </>
      ) : null}
    </div>
  );
}
