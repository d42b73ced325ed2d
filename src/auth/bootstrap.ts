/**
 * No open write access by default: the first start of an empty key store
 * creates an admin key, either the operator's ADMIN_API_KEY or a generated
 * one written to a file only this user can read.
 */
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKey, isPresentableKey } from './key-hash.ts';
import type { KeyStore } from './key-store.ts';

export const ADMIN_KEY_FILE = 'admin-api-key';
const BOOTSTRAP_ACTOR = 'system:bootstrap';
const ADMIN = { name: 'admin', role: 'admin' } as const;

export interface BootstrapLogger {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

export interface EnsureAdminKeyOptions {
  keyStore: KeyStore;
  dataDir: string;
  adminApiKey?: string | undefined;
  logger: BootstrapLogger;
}

export type EnsureAdminKeyResult =
  | { created: false }
  | { created: true; source: 'ADMIN_API_KEY' }
  | { created: true; source: 'file'; path: string };

export class BootstrapError extends Error {
  override readonly name = 'BootstrapError';
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Provisions the first admin key when no key exists; does nothing on later starts. */
export async function ensureAdminKey(options: EnsureAdminKeyOptions): Promise<EnsureAdminKeyResult> {
  const { keyStore, dataDir, adminApiKey, logger } = options;
  const path = join(dataDir, ADMIN_KEY_FILE);
  if (adminApiKey !== undefined && !isPresentableKey(adminApiKey)) {
    // The message never echoes the value: it is a secret even when malformed.
    throw new BootstrapError('ADMIN_API_KEY must be 32 to 256 visible ASCII characters (no spaces)');
  }

  if ((await keyStore.count()) > 0) {
    if (adminApiKey !== undefined && (await keyStore.verify(adminApiKey)) === undefined) {
      logger.warn({}, 'ADMIN_API_KEY is not an active key; it is used only to provision the first key of an empty key store');
    }
    if (await exists(path)) logger.warn({ path }, 'the first admin key is still in this file; delete it once the key is kept elsewhere');
    return { created: false };
  }

  if (adminApiKey !== undefined) {
    const issued = await keyStore.issueFirst(ADMIN, BOOTSTRAP_ACTOR, { key: adminApiKey });
    if (issued === undefined) return { created: false };
    logger.info({ name: ADMIN.name }, 'provisioned the admin API key from ADMIN_API_KEY');
    return { created: true, source: 'ADMIN_API_KEY' };
  }

  const key = generateKey();
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  try {
    // `wx` refuses an existing file, including a symlink planted to redirect the secret elsewhere.
    await writeFile(path, `${key}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    throw new BootstrapError(
      `${path} exists but the key store has no keys: it holds a key from an earlier start that was revoked or never recorded. ` +
        'Delete the file to have a new admin key created, or set ADMIN_API_KEY.',
    );
  }
  let issued;
  try {
    issued = await keyStore.issueFirst(ADMIN, BOOTSTRAP_ACTOR, { key });
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
  if (issued === undefined) {
    // Another instance on the same event store created the first key meanwhile.
    await rm(path, { force: true });
    return { created: false };
  }
  logger.info({ path }, 'created the first admin API key and wrote it to this file, readable by this user only; keep it elsewhere and delete the file');
  return { created: true, source: 'file', path };
}
