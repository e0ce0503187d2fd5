import type { AuditPort } from '@zonedeck/api';
import type { AuditEntry, AuditListInput, AuditRecord } from '@zonedeck/api/schemas';

import type { Db } from '../db/database.js';
import { redactSecrets } from './redact.js';

export type { AuditRecord };

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

  /** The newest entries that pass every given filter (action by prefix, the rest exactly). */
  list(filter: AuditListInput): AuditEntry[] {
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (filter.user !== undefined) {
      where.push('username = ?');
      params.push(filter.user);
    }
    if (filter.action !== undefined) {
      where.push("action LIKE ? ESCAPE '\\'");
      params.push(`${filter.action.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    if (filter.target !== undefined) {
      where.push('target = ?');
      params.push(filter.target);
    }
    if (filter.result !== undefined) {
      where.push('result = ?');
      params.push(filter.result);
    }
    if (filter.from !== undefined) {
      where.push('at >= ?');
      params.push(Date.parse(filter.from));
    }
    if (filter.to !== undefined) {
      where.push('at < ?');
      params.push(Date.parse(filter.to));
    }
    const sql = `SELECT * FROM audit ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`;
    const rows = this.db.prepare(sql).all(...params, filter.limit) as AuditRow[];
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
