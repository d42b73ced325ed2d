import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import t from 'tap';
import { createKeyStore } from '../../src/auth/key-store.ts';
import { KEYS_STREAM } from '../../commands/api-keys/index.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { runCli } from '../support/run-cli.ts';

const keysCli = (dataDir: string, ...args: string[]) => runCli('keys.ts', dataDir, args, 30_000);

t.test('add, list and revoke keys from the command line', async (t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'keys-cli-'));
  t.teardown(() => rm(dataDir, { recursive: true, force: true }));

  const added = await keysCli(dataDir, 'add', 'qingdao-oa', '--role', 'editor', '--office', '370200', '--office', '370100');
  t.equal(added.code, 0, added.stderr);
  t.match(added.stdout, /^fcl_[A-Za-z0-9_-]{43}\n$/, 'stdout is the key and nothing else');
  t.match(added.stderr, /not shown again/);
  const key = added.stdout.trim();
  t.equal((await keysCli(dataDir, 'add', 'dashboard', '--role', 'viewer')).code, 0);

  const list = await keysCli(dataDir, 'list');
  t.equal(list.code, 0);
  t.match(list.stdout, /^NAME +ROLE +OFFICES +PREFIX +ISSUED +BY\n/);
  t.match(list.stdout, new RegExp(`qingdao-oa +editor +370100,370200 +${key.slice(0, 12)} `));
  t.match(list.stdout, /dashboard +viewer +- +fcl_/);
  t.notOk(list.stdout.includes(key.slice(12)), 'the list never shows a key');

  const duplicate = await keysCli(dataDir, 'add', 'qingdao-oa', '--role', 'viewer');
  t.equal(duplicate.code, 1);
  t.equal(duplicate.stdout, '');
  t.match(duplicate.stderr, /already exists/);
  const county = await keysCli(dataDir, 'add', 'huangdao', '--role', 'editor', '--office', '370211');
  t.equal(county.code, 1);
  t.match(county.stderr, /city office 370200/);
  t.equal((await keysCli(dataDir, 'add', 'x1', '--role', 'root')).code, 2, 'an unknown role is a usage error');
  t.equal((await keysCli(dataDir, 'frobnicate')).code, 2);

  // The server would see the CLI's keys: same event store.
  const dbPath = join(dataDir, 'events.db');
  const check = async (fn: (keys: ReturnType<typeof createKeyStore>, store: ReturnType<typeof createSqliteEventStore>) => Promise<void>) => {
    const store = createSqliteEventStore({ path: dbPath });
    try {
      await fn(createKeyStore(store), store);
    } finally {
      await store.close();
    }
  };
  await check(async (keys, store) => {
    t.match(await keys.verify(key), { name: 'qingdao-oa', role: 'editor', offices: ['370100', '370200'] });
    const [first] = await store.readStream(KEYS_STREAM);
    t.equal(first?.metadata.actor, `cli:${userInfo().username}`);
  });

  const revoked = await keysCli(dataDir, 'revoke', 'qingdao-oa', '--reason', 'office tool replaced');
  t.equal(revoked.code, 0, revoked.stderr);
  t.equal(revoked.stdout, '');
  t.equal((await keysCli(dataDir, 'revoke', 'qingdao-oa')).code, 1, 'a second revocation is refused');
  await check(async (keys) => {
    t.equal(await keys.verify(key), undefined);
  });
  t.notMatch((await keysCli(dataDir, 'list')).stdout, /qingdao-oa/);
});
