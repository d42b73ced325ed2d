import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import type { Doc } from '../../projections/projection.ts';
import type { Position } from '../event-store/port.ts';

/** One projection's active version as committed: its checkpoint and every document. */
export interface SnapshotVersion {
  projection: string;
  version: string;
  checkpoint: Position;
  /** collection → [id, document] */
  collections: Record<string, [string, Doc][]>;
}

const FORMAT = 'friendship-ledger/read-models';
/** 2: a document line holds the document itself (1 held its JSON text as a string). */
const FORMAT_VERSION = 2;

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
        for (const [id, doc] of docs) await write(`${JSON.stringify([index, collection, id, doc])}\n`);
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

/**
 * Reads a snapshot back, line by line (a large model is never held as one
 * text); anything missing, altered, truncated or of another format is
 * refused as a whole.
 */
export async function readSnapshot(path: string): Promise<{ versions: SnapshotVersion[]; writtenAt: string } | { refused: SnapshotRefusal }> {
  const file = await open(path).catch(() => undefined);
  if (file === undefined) return { refused: 'missing' };
  const hash = createHash('sha256');
  let header: Header | undefined;
  let versions: SnapshotVersion[] = [];
  /** The line read last: the trailer, when no line follows it. */
  let previous: string | undefined;
  try {
    for await (const line of file.readLines({ encoding: 'utf8' })) {
      if (previous !== undefined) {
        hash.update(`${previous}\n`);
        if (header === undefined) {
          header = JSON.parse(previous) as Header;
          if (header.format !== FORMAT || header.formatVersion !== FORMAT_VERSION) return { refused: 'unknown-format' };
          versions = header.versions.map(({ projection, version, checkpoint }) => ({ projection, version, checkpoint, collections: {} }));
        } else {
          const [index, collection, id, doc] = JSON.parse(previous) as [number, string, string, Doc];
          const target = versions[index];
          if (!target) return { refused: 'corrupt' };
          (target.collections[collection] ??= []).push([id, doc]);
        }
      }
      previous = line;
    }
    const trailer = JSON.parse(previous ?? '') as { sha256?: unknown };
    if (header === undefined || trailer.sha256 !== hash.digest('hex')) return { refused: 'corrupt' };
    return { versions, writtenAt: header.writtenAt };
  } catch {
    return { refused: 'corrupt' };
  } finally {
    await file.close();
  }
}
