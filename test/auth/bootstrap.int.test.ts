import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import t, { type Test } from 'tap';
import { ADMIN_KEY_FILE, ensureAdminKey } from '../../src/auth/bootstrap.ts';
import { KEYS_STREAM } from '../../commands/api-keys/index.ts';
import { keyStoreOn, memoryStore } from './support.ts';

async function tempDir(t: Test) {
  const dir = await mkdtemp(join(tmpdir(), 'keys-bootstrap-'));
  t.teardown(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** A real pino logger writing into an array, to see exactly what would reach the log. */
function capturedLogger() {
  const lines: string[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
  return { logger, lines, text: () => lines.join('') };
}

t.test('first start: a generated admin key in a 0600 file; the log names the file, not the key', async (t) => {
  const dataDir = join(await tempDir(t), 'data');
  const keyStore = keyStoreOn(memoryStore(t));
  const { logger, text } = capturedLogger();

  const result = await ensureAdminKey({ keyStore, dataDir, logger });
  const path = join(dataDir, ADMIN_KEY_FILE);
  t.same(result, { created: true, source: 'file', path });
  t.equal((await stat(path)).mode & 0o777, 0o600);

  const key = (await readFile(path, 'utf8')).trim();
  t.match(key, /^fcl_[A-Za-z0-9_-]{43}$/);
  t.match(await keyStore.verify(key), { name: 'admin', role: 'admin', issuedBy: 'system:bootstrap' });
  t.ok(text().includes(path), 'the log says where the key is');
  t.notOk(text().includes(key.slice(12)), 'and never the key');

  const again = capturedLogger();
  t.same(await ensureAdminKey({ keyStore, dataDir, logger: again.logger }), { created: false }, 'later starts change nothing');
  t.equal(await keyStore.count(), 1);
  t.match(again.text(), /still in this file/, 'but remind that the file should go');
  t.notOk(again.text().includes(key.slice(12)));
});

t.test('ADMIN_API_KEY is provisioned as the admin key, stored only as a hash', async (t) => {
  const dataDir = await tempDir(t);
  const store = memoryStore(t);
  const keyStore = keyStoreOn(store);
  const adminApiKey = 'Operator-Chosen/Secret+of:at_least.32chars!';
  const { logger, text } = capturedLogger();

  t.same(await ensureAdminKey({ keyStore, dataDir, adminApiKey, logger }), { created: true, source: 'ADMIN_API_KEY' });
  t.match(await keyStore.verify(adminApiKey), { name: 'admin', role: 'admin' });
  await t.rejects(stat(join(dataDir, ADMIN_KEY_FILE)), { code: 'ENOENT' }, 'no file is written');
  t.notOk(JSON.stringify(await store.readStream(KEYS_STREAM)).includes(adminApiKey));
  t.notOk(text().includes(adminApiKey));

  const other = capturedLogger();
  t.same(await ensureAdminKey({ keyStore, dataDir, adminApiKey: 'another-secret-that-is-long-enough-000', logger: other.logger }), {
    created: false,
  });
  t.match(other.text(), /ADMIN_API_KEY is not an active key/);
  t.equal(await keyStore.count(), 1);
});

t.test('a revoked ADMIN_API_KEY does not come back at a restart; a reissue needs the flag and a new secret', async (t) => {
  const dataDir = await tempDir(t);
  const store = memoryStore(t);
  const adminApiKey = 'Operator-Chosen/Secret+of:at_least.32chars!';
  const start = (options: { adminApiKey?: string; reissue?: boolean } = {}) => {
    const log = capturedLogger();
    const result = ensureAdminKey({ keyStore: keyStoreOn(store), dataDir, logger: log.logger, ...options });
    return { result, log };
  };
  t.same(await start({ adminApiKey }).result, { created: true, source: 'ADMIN_API_KEY' });
  await keyStoreOn(store).revoke('admin', 'admin', { force: true });
  const issued = async () => (await store.readStream(KEYS_STREAM)).filter((event) => event.type === 'ApiKeyIssued').length;
  t.equal(await issued(), 1);

  const restart = start({ adminApiKey });
  t.same(await restart.result, { created: false }, 'the same ADMIN_API_KEY after a restart provisions nothing');
  t.match(restart.log.text(), /revoked key/);
  t.notOk(restart.log.text().includes(adminApiKey));
  t.equal(await keyStoreOn(store).verify(adminApiKey), undefined, 'the revoked key stays revoked');
  t.equal(await issued(), 1, 'no ApiKeyIssued by system:bootstrap');

  const generated = start();
  t.same(await generated.result, { created: false }, 'nor is a generated key created without the flag');
  t.match(generated.log.text(), /ADMIN_API_KEY_REISSUE=1/);
  await t.rejects(stat(join(dataDir, ADMIN_KEY_FILE)), { code: 'ENOENT' });

  const sameSecret = await start({ adminApiKey, reissue: true }).result.catch((error: Error) => error);
  t.match(sameSecret, { name: 'BootstrapError', message: /revoked key is never accepted again/ }, 'the flag does not bring back a revoked secret');
  t.notOk((sameSecret as Error).message.includes(adminApiKey));
  t.equal(await issued(), 1);

  const newSecret = 'A-new-operator-secret-after-the-lockout-0001';
  t.same(await start({ adminApiKey: newSecret, reissue: true }).result, { created: true, source: 'ADMIN_API_KEY' });
  t.match(await keyStoreOn(store).verify(newSecret), { name: 'admin', role: 'admin', issuedBy: 'system:bootstrap' });
  t.equal(await keyStoreOn(store).verify(adminApiKey), undefined);

  const again = start({ adminApiKey: newSecret, reissue: true });
  t.same(await again.result, { created: false }, 'a reissue happens once, while no admin key is active');
  t.match(again.log.text(), /nothing to reissue/);
  t.equal(await issued(), 2);
});

t.test('a malformed ADMIN_API_KEY stops the start without echoing it', async (t) => {
  const keyStore = keyStoreOn(memoryStore(t));
  const { logger } = capturedLogger();
  for (const adminApiKey of ['too-short-secret', `${'x'.repeat(40)} with spaces`, 'é'.repeat(40)]) {
    const error = await ensureAdminKey({ keyStore, dataDir: await tempDir(t), adminApiKey, logger }).catch((e: Error) => e);
    t.match(error, { name: 'BootstrapError', message: /32 to 256 visible ASCII/ });
    t.notOk((error as Error).message.includes(adminApiKey));
  }
  t.equal(await keyStore.count(), 0);
});

t.test('a leftover key file with an empty key store is not silently reused', async (t) => {
  const dataDir = await tempDir(t);
  await writeFile(join(dataDir, ADMIN_KEY_FILE), 'fcl_old\n', { mode: 0o600 });
  const keyStore = keyStoreOn(memoryStore(t));
  await t.rejects(ensureAdminKey({ keyStore, dataDir, logger: capturedLogger().logger }), { name: 'BootstrapError', message: /Delete the file/ });
  t.equal(await keyStore.count(), 0);
});

t.test('two instances starting together on one event store create one admin key', async (t) => {
  const store = memoryStore(t);
  const [dirA, dirB] = [await tempDir(t), await tempDir(t)];
  const results = await Promise.all([
    ensureAdminKey({ keyStore: keyStoreOn(store), dataDir: dirA, logger: capturedLogger().logger }),
    ensureAdminKey({ keyStore: keyStoreOn(store), dataDir: dirB, logger: capturedLogger().logger }),
  ]);
  t.same(results.map((r) => r.created).sort(), [false, true]);
  t.equal((await store.readStream(KEYS_STREAM)).length, 1);
  const files = await Promise.all([dirA, dirB].map((dir) => stat(join(dir, ADMIN_KEY_FILE)).then(() => 1, () => 0)));
  t.equal(files[0]! + files[1]!, 1, "the loser's file is removed");
});
