import fs from 'node:fs';
import path from 'node:path';

import Database from 'better-sqlite3';

export type Db = Database.Database;

/** Schema versions, applied in order; each runs once (PRAGMA user_version tracks them). */
const migrations: readonly string[] = [
  `CREATE TABLE users (
     id            TEXT PRIMARY KEY,
     username      TEXT NOT NULL UNIQUE,
     password_hash TEXT NOT NULL,
     role          TEXT NOT NULL CHECK (role IN ('viewer', 'operator', 'admin')),
     disabled      INTEGER NOT NULL DEFAULT 0,
     created_at    INTEGER NOT NULL
   );
   CREATE TABLE sessions (
     id           TEXT PRIMARY KEY,
     user_id      TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
     created_at   INTEGER NOT NULL,
     last_seen_at INTEGER NOT NULL,
     expires_at   INTEGER NOT NULL
   );
   CREATE INDEX sessions_user ON sessions(user_id);`,
  `CREATE TABLE jobs (
     id          TEXT PRIMARY KEY,
     host_id     TEXT NOT NULL,
     kind        TEXT NOT NULL,
     target      TEXT,
     target_name TEXT,
     state       TEXT NOT NULL CHECK (state IN ('running', 'succeeded', 'failed', 'interrupted')),
     progress    REAL,
     message     TEXT,
     user_id     TEXT,
     username    TEXT NOT NULL,
     created_at  INTEGER NOT NULL,
     finished_at INTEGER
   );
   CREATE INDEX jobs_created ON jobs(created_at);
   CREATE TABLE job_log (
     job_id TEXT NOT NULL REFERENCES jobs(id) ON DELETE CASCADE,
     seq    INTEGER NOT NULL,
     at     INTEGER NOT NULL,
     line   TEXT NOT NULL,
     PRIMARY KEY (job_id, seq)
   );
   CREATE TABLE audit (
     id       INTEGER PRIMARY KEY AUTOINCREMENT,
     at       INTEGER NOT NULL,
     user_id  TEXT,
     username TEXT NOT NULL,
     action   TEXT NOT NULL,
     host_id  TEXT,
     target   TEXT,
     args     TEXT NOT NULL,
     result   TEXT NOT NULL CHECK (result IN ('ok', 'error', 'refused')),
     detail   TEXT
   );
   CREATE INDEX audit_at ON audit(at);
   CREATE INDEX audit_target ON audit(target);`,
  // Hosts added on the hosts page. The key is a path on this machine or a pasted key sealed
  // with the data directory's secret.key (crypto/secretBox.ts); host_key is the pinned
  // fingerprint, NULL until an admin confirms the one the host presented.
  `CREATE TABLE hosts (
     id         TEXT PRIMARY KEY,
     name       TEXT NOT NULL,
     address    TEXT NOT NULL,
     port       INTEGER NOT NULL CHECK (port BETWEEN 1 AND 65535),
     username   TEXT NOT NULL,
     key_path   TEXT,
     key_sealed BLOB,
     host_key   TEXT,
     created_at INTEGER NOT NULL,
     CHECK ((key_path IS NULL) <> (key_sealed IS NULL))
   );`,
  // Users and audit (issue 8): last sign-in, TOTP (secrets encrypted), where a session signed in
  // from, login throttling that survives a restart, and indexes for the audit filters.
  `ALTER TABLE users ADD COLUMN last_login_at INTEGER;
   ALTER TABLE users ADD COLUMN totp_secret TEXT;
   ALTER TABLE users ADD COLUMN totp_pending TEXT;
   ALTER TABLE users ADD COLUMN totp_last_step INTEGER;
   ALTER TABLE sessions ADD COLUMN address TEXT;
   ALTER TABLE sessions ADD COLUMN user_agent TEXT;
   CREATE TABLE login_failures (
     key             TEXT PRIMARY KEY,
     failures        INTEGER NOT NULL,
     last_failure_at INTEGER NOT NULL,
     locked_until    INTEGER
   );
   CREATE INDEX audit_username ON audit(username);
   CREATE INDEX audit_action ON audit(action);`,
];

/** Opens (creating if needed) the console's one SQLite file and brings its schema up to date. */
export function openDatabase(dataDir: string): Db {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(path.join(dataDir, 'zonedeck.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let v = current; v < migrations.length; v++) {
    const sql = migrations[v];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
}
