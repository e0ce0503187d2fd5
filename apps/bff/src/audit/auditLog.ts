import type { AuditPort } from '@zonedeck/api';
import type { AuditEntry } from '@zonedeck/api/schemas';

import type { Db } from '../db/database.js';
import { redactSecrets } from './redact.js';

export interface AuditRecord {
  user: { id: string | null; username: string };
  action: string;
  hostId: string | null;
  target: string | null;
  args: Record<string, unknown>;
  result: AuditEntry['result'];
  detail: string | null;
}

interface AuditRow {
  id: number;
  at: number;
  username: string;
  action: string;
  host_id: string | null;
  target: string | null;
  args: string;
  result: AuditEntry['result'];
  detail: string | null;
}

/** The audit log: every mutation, who did it, to what, with which (redacted) arguments, and how it ended. */
export class AuditLog implements AuditPort {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  record(r: AuditRecord): void {
    this.db
      .prepare(
        `INSERT INTO audit (at, user_id, username, action, host_id, target, args, result, detail)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        this.now(),
        r.user.id,
        r.user.username,
        r.action,
        r.hostId,
        r.target,
        JSON.stringify(redactSecrets(r.args)),
        r.result,
        r.detail,
      );
  }

  list(opts: { limit: number; target?: string | undefined }): AuditEntry[] {
    const rows = (
      opts.target === undefined
        ? this.db.prepare('SELECT * FROM audit ORDER BY id DESC LIMIT ?').all(opts.limit)
        : this.db
            .prepare('SELECT * FROM audit WHERE target = ? ORDER BY id DESC LIMIT ?')
            .all(opts.target, opts.limit)
    ) as AuditRow[];
    return rows.map((row) => ({
      id: row.id,
      at: new Date(row.at).toISOString(),
      username: row.username,
      action: row.action,
      hostId: row.host_id,
      target: row.target,
      args: JSON.parse(row.args) as Record<string, unknown>,
      result: row.result,
      detail: row.detail,
    }));
  }
}
