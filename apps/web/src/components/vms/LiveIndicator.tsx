import type { LiveStatus } from './useLiveVms';

const styles: Record<LiveStatus['kind'], { dot: string; text: string }> = {
  live: { dot: 'bg-emerald-500', text: 'Live' },
  connecting: { dot: 'bg-amber-400 animate-pulse', text: 'Connecting…' },
  disconnected: { dot: 'bg-red-500', text: 'Disconnected, reconnecting…' },
  'host-unreachable': { dot: 'bg-red-500', text: 'Host not answering' },
};

/** Whether the VM list is live, with the reason when it is not. Text, not colour alone. */
export function LiveIndicator({ status }: { status: LiveStatus }) {
  const style = styles[status.kind];
  const reason = 'reason' in status ? status.reason : null;
  return (
    <span
      role="status"
      className="inline-flex items-center gap-1.5 text-xs font-normal text-ink-muted"
      title={reason ?? undefined}
    >
      <span aria-hidden="true" className={`inline-block h-2 w-2 rounded-full ${style.dot}`} />
      {style.text}
      {reason ? <span className="sr-only">: {reason}</span> : null}
    </span>
  );
}
