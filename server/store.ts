import { createHash, timingSafeEqual } from 'node:crypto';
import Database from 'better-sqlite3';
import * as Y from 'yjs';

/**
 * The team server's SQLite file. Per workspace document:
 * - `workspaces`: the SHA-256 of its access token (the token itself is never stored);
 * - `snapshots`: the whole document as one Yjs update, written when Hocuspocus stores it;
 * - `updates`: every update applied since, appended synchronously (better-sqlite3) as Yjs
 *   emits it, which is before Hocuspocus acknowledges it to the client. An acknowledged update
 *   is therefore on disk even if the process is killed before the next snapshot.
 * Loading merges the snapshot with the log; a snapshot write folds the log into it. Several
 * processes may share one file (WAL): every write is a CRDT union, so none can undo another's.
 */
export class TeamStore {
  private readonly db: Database.Database;
  private readonly stmts;

  constructor(path: string) {
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    // WAL + NORMAL survives a crash of the process; FULL would also survive power loss.
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS workspaces (
        document TEXT PRIMARY KEY, token_sha256 BLOB NOT NULL, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS snapshots (
        document TEXT PRIMARY KEY, state BLOB NOT NULL, updated_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS updates (
        id INTEGER PRIMARY KEY AUTOINCREMENT, document TEXT NOT NULL, update_bytes BLOB NOT NULL);
      CREATE INDEX IF NOT EXISTS updates_by_document ON updates (document, id);
    `);
    this.stmts = {
      token: this.db.prepare<[string], { token_sha256: Buffer }>(
        'SELECT token_sha256 FROM workspaces WHERE document = ?',
      ),
      claim: this.db.prepare(
        'INSERT OR IGNORE INTO workspaces (document, token_sha256, created_at) VALUES (?, ?, ?)',
      ),
      snapshot: this.db.prepare<[string], { state: Buffer }>(
        'SELECT state FROM snapshots WHERE document = ?',
      ),
      log: this.db.prepare<[string], { id: number; update_bytes: Buffer }>(
        'SELECT id, update_bytes FROM updates WHERE document = ? ORDER BY id',
      ),
      append: this.db.prepare('INSERT INTO updates (document, update_bytes) VALUES (?, ?)'),
      writeSnapshot: this.db.prepare(
        'INSERT INTO snapshots (document, state, updated_at) VALUES (?, ?, ?) ' +
          'ON CONFLICT(document) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at',
      ),
      trim: this.db.prepare('DELETE FROM updates WHERE document = ? AND id <= ?'),
    };
  }

  /**
   * Checks a workspace's access token. The first connection to a document name claims it with
   * its token (names are 128 random bits, so nobody claims another team's workspace by guessing).
   */
  authenticate(document: string, token: string): 'ok' | 'claimed' | 'wrong-token' {
    const hash = sha256(token);
    const row = this.stmts.token.get(document);
    if (!row) {
      const claimed = this.stmts.claim.run(document, hash, Date.now()).changes === 1;
      if (claimed) return 'claimed';
      return this.authenticate(document, token); // another process claimed it just now
    }
    return timingSafeEqual(row.token_sha256, hash) ? 'ok' : 'wrong-token';
  }

  /** The stored document (snapshot merged with the update log), or null if there is none. */
  load(document: string): Uint8Array | null {
    const parts: Uint8Array[] = [];
    const snap = this.stmts.snapshot.get(document);
    if (snap) parts.push(snap.state);
    for (const row of this.stmts.log.all(document)) parts.push(row.update_bytes);
    if (parts.length === 0) return null;
    return parts.length === 1 ? parts[0]! : Y.mergeUpdates(parts);
  }

  /** Appends one applied update to the log (synchronously: it is on disk when this returns). */
  append(document: string, update: Uint8Array): void {
    this.stmts.append.run(document, update);
  }

  /** Folds `state` and the log into the snapshot, in one transaction. */
  store(document: string, state: Uint8Array): void {
    this.db.transaction(() => {
      const parts: Uint8Array[] = [state];
      const snap = this.stmts.snapshot.get(document);
      if (snap) parts.push(snap.state);
      let last = 0;
      for (const row of this.stmts.log.all(document)) {
        parts.push(row.update_bytes);
        last = row.id;
      }
      this.stmts.writeSnapshot.run(document, Y.mergeUpdates(parts), Date.now());
      if (last > 0) this.stmts.trim.run(document, last);
    })();
  }

  close(): void {
    this.db.close();
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}
