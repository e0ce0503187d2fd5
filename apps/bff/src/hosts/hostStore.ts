import type { SecretBox } from '../crypto/secretBox.js';
import type { Db } from '../db/database.js';

/** A host added on the hosts page, as stored (a pasted key stays sealed until used). */
export interface StoredHost {
  id: string;
  name: string;
  address: string;
  port: number;
  username: string;
  key: { source: 'path'; path: string } | { source: 'stored'; sealed: Buffer };
  /** The pinned fingerprint, or null until an admin confirms one. */
  hostKey: string | null;
  createdAt: number;
}

export type NewStoredHost = Omit<StoredHost, 'key' | 'hostKey' | 'createdAt'> & {
  key: { source: 'path'; path: string } | { source: 'pasted'; privateKey: Buffer };
};

interface HostRow {
  id: string;
  name: string;
  address: string;
  port: number;
  username: string;
  key_path: string | null;
  key_sealed: Buffer | null;
  host_key: string | null;
  created_at: number;
}

/** The hosts table: pasted keys go in sealed (AES-256-GCM, bound to the host id) and come out only through privateKeyOf. */
export class HostStore {
  constructor(
    private readonly db: Db,
    private readonly box: SecretBox,
    private readonly now: () => number = Date.now,
  ) {}

  list(): StoredHost[] {
    const rows = this.db.prepare('SELECT * FROM hosts ORDER BY created_at, id').all() as HostRow[];
    return rows.map(fromRow);
  }

  get(id: string): StoredHost | null {
    const row = this.db.prepare('SELECT * FROM hosts WHERE id = ?').get(id) as HostRow | undefined;
    return row ? fromRow(row) : null;
  }

  /** Stores the host unconfirmed (no pinned key). Throws on a duplicate id (SQLITE_CONSTRAINT). */
  add(host: NewStoredHost): StoredHost {
    const keyPath = host.key.source === 'path' ? host.key.path : null;
    const sealed =
      host.key.source === 'pasted' ? this.box.seal(host.key.privateKey, `host:${host.id}`) : null;
    this.db
      .prepare(
        `INSERT INTO hosts (id, name, address, port, username, key_path, key_sealed, host_key, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, NULL, ?)`,
      )
      .run(host.id, host.name, host.address, host.port, host.username, keyPath, sealed, this.now());
    const stored = this.get(host.id);
    if (!stored) throw new Error(`host ${host.id} vanished after insert`);
    return stored;
  }

  pin(id: string, fingerprint: string): void {
    this.db.prepare('UPDATE hosts SET host_key = ? WHERE id = ?').run(fingerprint, id);
  }

  remove(id: string): boolean {
    return this.db.prepare('DELETE FROM hosts WHERE id = ?').run(id).changes > 0;
  }

  /** What SshTransport needs: the path, or the decrypted key (SecretBoxError when it does not open). */
  privateKeyOf(host: StoredHost): { privateKeyPath: string } | { privateKey: Buffer } {
    return host.key.source === 'path'
      ? { privateKeyPath: host.key.path }
      : { privateKey: this.box.open(host.key.sealed, `host:${host.id}`) };
  }
}

function fromRow(row: HostRow): StoredHost {
  return {
    id: row.id,
    name: row.name,
    address: row.address,
    port: row.port,
    username: row.username,
    key:
      row.key_sealed !== null
        ? { source: 'stored', sealed: row.key_sealed }
        : { source: 'path', path: row.key_path ?? '' },
    hostKey: row.host_key,
    createdAt: row.created_at,
  };
}
