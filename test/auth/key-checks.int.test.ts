import { randomBytes } from 'node:crypto';
import t from 'tap';
import { generateKey } from '../../src/auth/key-hash.ts';
import { VerificationLimitedError } from '../../src/auth/verification-budget.ts';
import { keyStoreOn, memoryStore } from './support.ts';

const OPERATOR_SECRET = 'operator-chosen-admin-secret-of-48-characters-x';
const ADMIN = { name: 'admin', role: 'admin' } as const;
const randomToken = () => randomBytes(24).toString('base64url');
/** A token with the lookup prefix of `key` and a guessed rest. */
const samePrefix = (key: string) => key.slice(0, 12) + randomBytes(32).toString('base64url').slice(0, 35);

t.test('a token of no issued shape is compared with the operator secret by digest, never hashed', async (t) => {
  const keys = keyStoreOn(memoryStore(t), { provisionedSecret: OPERATOR_SECRET });
  await keys.provision(ADMIN, 'system:bootstrap', 'first', { key: OPERATOR_SECRET });
  t.match(await keys.verify(OPERATOR_SECRET), { name: 'admin' });
  const before = keys.checks().hashed;
  for (let n = 0; n < 30; n++) t.equal(await keys.verify(randomToken(), '203.0.113.9'), undefined);
  t.ok(keys.checks().hashed - before <= 1, 'at most one scrypt, to learn which stored key the operator secret is');
  t.equal(keys.checks().limited, 0, 'refused without hashing, so nothing was charged to the budget');
  t.match(await keys.verify(OPERATOR_SECRET), { name: 'admin' }, 'the operator secret still works');
});

t.test('a generated-shape token whose prefix no key has is refused without hashing', async (t) => {
  const keys = keyStoreOn(memoryStore(t));
  await keys.issue({ name: 'jinan-oa', role: 'editor', offices: ['370100'] }, 'root-admin');
  const before = keys.checks().hashed;
  for (let n = 0; n < 20; n++) t.equal(await keys.verify(generateKey(), '203.0.113.9'), undefined);
  t.equal(keys.checks().hashed, before);
});

t.test('failed checks are budgeted per address: past ten a minute the address is refused before hashing', async (t) => {
  let clock = Date.parse('2026-12-03T09:00:00Z');
  const keys = keyStoreOn(memoryStore(t), { now: () => clock });
  const issued = await keys.issue({ name: 'qingdao-oa', role: 'editor', offices: ['370200'] }, 'root-admin');
  for (let n = 0; n < 10; n++) t.equal(await keys.verify(samePrefix(issued.key), '203.0.113.9'), undefined);
  const hashed = keys.checks().hashed;
  const refusal = await keys.verify(samePrefix(issued.key), '203.0.113.9').catch((error: unknown) => error);
  t.type(refusal, VerificationLimitedError);
  t.ok((refusal as VerificationLimitedError).retryAfterSeconds > 0 && (refusal as VerificationLimitedError).retryAfterSeconds <= 60);
  t.equal(keys.checks().hashed, hashed, 'the refused check ran no scrypt');
  clock += 61_000;
  t.match(await keys.verify(issued.key, '203.0.113.9'), { name: 'qingdao-oa' }, 'a new window admits the address again');
});

t.test('a guessed-at prefix keeps one check a second, so its key can still be verified', async (t) => {
  let clock = Date.parse('2026-12-03T09:00:00Z');
  const keys = keyStoreOn(memoryStore(t), { now: () => clock, cacheTtlMs: 0 });
  const issued = await keys.issue({ name: 'yantai-oa', role: 'editor', offices: ['370600'] }, 'root-admin');
  // Ten addresses, one guess each: the prefix's budget is spent, no address's is.
  for (let n = 0; n < 10; n++) t.equal(await keys.verify(samePrefix(issued.key), `198.51.100.${n}`), undefined);
  const hashed = keys.checks().hashed;
  t.equal(await keys.verify(samePrefix(issued.key), '198.51.100.50'), undefined);
  t.equal(keys.checks().hashed, hashed + 1, 'the first check past the budget runs');
  await t.rejects(keys.verify(issued.key, '192.0.2.1'), VerificationLimitedError, 'the next one within the second is refused, even the real key');
  clock += 1000;
  t.match(await keys.verify(issued.key, '192.0.2.1'), { name: 'yantai-oa' }, 'a second later the real key is checked and passes');
});

t.test('without the operator secret in this process, tokens of another shape are hashed only within the budget', async (t) => {
  const store = memoryStore(t);
  await keyStoreOn(store).provision(ADMIN, 'system:bootstrap', 'first', { key: OPERATOR_SECRET });
  const keys = keyStoreOn(store);
  t.match(await keys.verify(OPERATOR_SECRET, '192.0.2.1'), { name: 'admin' }, 'the secret verifies against its stored hash');
  const before = keys.checks().hashed;
  let limited = 0;
  for (let n = 0; n < 40; n++) {
    await keys.verify(randomToken(), `198.51.100.${n}`).catch((error: unknown) => {
      if (error instanceof VerificationLimitedError) limited += 1;
      else throw error;
    });
  }
  t.ok(keys.checks().hashed - before <= 12, `${keys.checks().hashed - before} scrypt checks for 40 guesses`);
  t.ok(limited >= 28, `${limited} of 40 refused before hashing`);
});
