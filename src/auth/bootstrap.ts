/**
 * No open write access by default: the first start of a key store that never
 * held an admin key creates one, either the operator's ADMIN_API_KEY or a
 * generated one written to a file only this user can read. Once an admin key
 * was issued, revoking every admin key is final across restarts: only an
 * operator's explicit ADMIN_API_KEY_REISSUE issues another, and never with a
 * secret that was revoked.
 */
import { access, mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateKey, isPresentableKey } from './key-hash.ts';
import { type KeyStore, type Provision, RevokedKeyError } from './key-store.ts';

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
  /** ADMIN_API_KEY_REISSUE: issue a new admin key when every admin key was revoked. */
  reissue?: boolean | undefined;
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

/** Which provisioning the key store still wants, if any; warns about what it will not do. */
async function wanted(options: EnsureAdminKeyOptions, path: string): Promise<Provision | undefined> {
  const { keyStore, adminApiKey, reissue, logger } = options;
  const admins = await keyStore.adminKeys();
  if (adminApiKey !== undefined && (await keyStore.wasRevoked(adminApiKey))) {
    const message = 'ADMIN_API_KEY is a revoked key; a revoked key is never accepted again';
    if (reissue) throw new BootstrapError(`${message}: set ADMIN_API_KEY to a new secret to reissue the admin key`);
    logger.warn({}, `${message}; remove it from the configuration`);
    return undefined;
  }
  if (admins.active > 0) {
    if (adminApiKey !== undefined && (await keyStore.verify(adminApiKey)) === undefined) {
      logger.warn({}, 'ADMIN_API_KEY is not an active key; it is used only to provision the first admin key');
    }
    if (reissue) logger.warn({}, 'ADMIN_API_KEY_REISSUE is set but an admin key is active: nothing to reissue; unset it');
    if (await exists(path)) logger.warn({ path }, 'the first admin key is still in this file; delete it once the key is kept elsewhere');
    return undefined;
  }
  if (!admins.everIssued) return 'first';
  if (reissue) return 'reissue';
  logger.warn({}, 'no admin key is active: every admin key was revoked. Set ADMIN_API_KEY_REISSUE=1 (with a new ADMIN_API_KEY, or none for a generated key) to issue one');
  return undefined;
}

/**
 * Provisions the first admin key while no admin key was ever issued, and a
 * new one on an explicit reissue while none is active; does nothing otherwise.
 */
export async function ensureAdminKey(options: EnsureAdminKeyOptions): Promise<EnsureAdminKeyResult> {
  const { keyStore, dataDir, adminApiKey, logger } = options;
  const path = join(dataDir, ADMIN_KEY_FILE);
  if (adminApiKey !== undefined && !isPresentableKey(adminApiKey)) {
    // The message never echoes the value: it is a secret even when malformed.
    throw new BootstrapError('ADMIN_API_KEY must be 32 to 256 visible ASCII characters (no spaces)');
  }
  const provision = await wanted(options, path);
  if (provision === undefined) return { created: false };

  if (adminApiKey !== undefined) {
    let issued;
    try {
      issued = await keyStore.provision(ADMIN, BOOTSTRAP_ACTOR, provision, { key: adminApiKey });
    } catch (error) {
      if (error instanceof RevokedKeyError) throw new BootstrapError(`ADMIN_API_KEY: ${error.message}`);
      throw error;
    }
    if (issued === undefined) return { created: false };
    logger.info({ name: ADMIN.name, provision }, 'provisioned the admin API key from ADMIN_API_KEY');
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
      `${path} exists but the key store has no active admin key: it holds a key from an earlier start that was revoked or never recorded. ` +
        'Delete the file to have a new admin key created, or set ADMIN_API_KEY.',
    );
  }
  let issued;
  try {
    issued = await keyStore.provision(ADMIN, BOOTSTRAP_ACTOR, provision, { key });
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
