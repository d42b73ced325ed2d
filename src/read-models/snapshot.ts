import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import type { Position } from '../event-store/port.ts';

/** One projection's active version as committed: its checkpoint and every document as stored JSON. */
export interface SnapshotVersion {
  projection: string;
  version: string;
  checkpoint: Position;
  /** collection → [id, JSON text] */
  collections: Record<string, [string, string][]>;
}

const FORMAT = 'friendship-ledger/read-models';
const FORMAT_VERSION = 1;

interface Header {
  format: typeof FORMAT;
  formatVersion: number;
  writtenAt: string;
  versions: { projection: string; version: string; checkpoint: Position; documents: number }[];
}

/** Why a snapshot was not used; the read models are then built from the log. */
export type SnapshotRefusal = 'missing' | 'corrupt' | 'unknown-format';

/**
 * Writes the snapshot next to its final name, then renames it into place:
 * a crash while writing leaves the previous snapshot (or none), never half
 * of one. Lines: a header, one `[version index, collection, id, JSON]` per
 * document, and last the SHA-256 of everything before it. Writes through a
 * stream, so a large model does not hold the event loop.
 */
export async function writeSnapshot(path: string, versions: readonly SnapshotVersion[], now = new Date()): Promise<void> {
  const partial = `${path}.partial`;
  const hash = createHash('sha256');
  const out = createWriteStream(partial, { mode: 0o600 });
  const failed = once(out, 'error').then(([error]) => Promise.reject(error as Error));
  failed.catch(() => undefined);
  const write = async (line: string) => {
    hash.update(line);
    if (!out.write(line)) await Promise.race([once(out, 'drain'), failed]);
  };
  try {
    const header: Header = {
      format: FORMAT,
      formatVersion: FORMAT_VERSION,
      writtenAt: now.toISOString(),
      versions: versions.map(({ projection, version, checkpoint, collections }) => ({
        projection,
        version,
        checkpoint,
        documents: Object.values(collections).reduce((sum, docs) => sum + docs.length, 0),
      })),
    };
    await write(`${JSON.stringify(header)}\n`);
    for (const [index, { collections }] of versions.entries()) {
      for (const [collection, docs] of Object.entries(collections)) {
        for (const [id, text] of docs) await write(`${JSON.stringify([index, collection, id, text])}\n`);
      }
    }
    out.end(`${JSON.stringify({ sha256: hash.digest('hex') })}\n`);
    await Promise.race([once(out, 'close'), failed]);
    await rename(partial, path);
  } catch (error) {
    out.destroy();
    await rm(partial, { force: true });
    throw error;
  }
}

/** Reads a snapshot back; anything missing, altered, truncated or of another format is refused as a whole. */
export async function readSnapshot(path: string): Promise<{ versions: SnapshotVersion[]; writtenAt: string } | { refused: SnapshotRefusal }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { refused: 'missing' };
  }
  const trailerStart = text.lastIndexOf('\n', text.length - 2) + 1;
  const body = text.slice(0, trailerStart);
  try {
    const trailer = JSON.parse(text.slice(trailerStart)) as { sha256?: unknown };
    if (trailer.sha256 !== createHash('sha256').update(body).digest('hex')) return { refused: 'corrupt' };
    const lines = body.split('\n');
    const header = JSON.parse(lines[0] ?? '') as Header;
    if (header.format !== FORMAT || header.formatVersion !== FORMAT_VERSION) return { refused: 'unknown-format' };
    const versions: SnapshotVersion[] = header.versions.map(({ projection, version, checkpoint }) => ({
      projection,
      version,
      checkpoint,
      collections: {},
    }));
    for (let line = 1; line < lines.length; line++) {
      const entry = lines[line];
      if (!entry) continue;
      const [index, collection, id, doc] = JSON.parse(entry) as [number, string, string, string];
      const target = versions[index];
      if (!target) return { refused: 'corrupt' };
      (target.collections[collection] ??= []).push([id, doc]);
    }
    return { versions, writtenAt: header.writtenAt };
  } catch {
    return { refused: 'corrupt' };
  }
}
