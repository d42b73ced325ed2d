import * as crypto from 'node:crypto';
import t from 'tap';
import { generateKey, hashKey, isPresentableKey, keyDigest, keyMatches, lookupPrefix } from '../../src/auth/key-hash.ts';

t.test('generated keys are fcl_ and 32 random bytes in base64url', async (t) => {
  const keys = new Set(Array.from({ length: 50 }, generateKey));
  t.equal(keys.size, 50);
  for (const key of keys) {
    t.match(key, /^fcl_[A-Za-z0-9_-]{43}$/);
    t.equal(Buffer.from(key.slice(4), 'base64url').length, 32);
  }
});

t.test('a key is stored only as a salted hash', async (t) => {
  const key = generateKey();
  const first = await hashKey(key);
  const second = await hashKey(key);
  t.notOk(JSON.stringify(first).includes(key.slice(4)), 'the secret appears nowhere in what is stored');
  t.not(first.salt, second.salt, 'a fresh salt per key');
  t.not(first.hash, second.hash, 'so equal keys have different hashes');
  t.match(first.algorithm, /^scrypt:16384:8:1$/);
});

t.test('the right key matches, any other does not', async (t) => {
  const key = generateKey();
  const stored = await hashKey(key);
  t.equal(await keyMatches(key, stored), true);
  t.equal(await keyMatches(generateKey(), stored), false);
  t.equal(await keyMatches(`${key.slice(0, -1)}${key.endsWith('A') ? 'B' : 'A'}`, stored), false, 'one character off');
  t.equal(await keyMatches(key, { ...stored, salt: (await hashKey(key)).salt }), false, 'another salt');
});

t.test('a damaged record fails the check instead of throwing or running away', async (t) => {
  const key = generateKey();
  const stored = await hashKey(key);
  t.equal(await keyMatches(key, { ...stored, hash: stored.hash.slice(0, 20) }), false, 'hash of another length');
  t.equal(await keyMatches(key, { ...stored, algorithm: 'md5' }), false, 'unknown algorithm');
  t.equal(await keyMatches(key, { ...stored, algorithm: 'scrypt:1048576:32:1' }), false, 'parameters needing gigabytes');
  t.equal(await keyMatches(key, { ...stored, algorithm: 'scrypt:1000:8:1' }), false, 'N not a power of two');
});

t.test('hashes are compared with crypto.timingSafeEqual', async (t) => {
  // Timing itself cannot be measured reliably in a test run; this pins the comparison that makes it constant.
  const compared: Array<[number, number]> = [];
  const { keyMatches: matches, hashKey: hash } = await t.mockImport<typeof import('../../src/auth/key-hash.ts')>(
    '../../src/auth/key-hash.ts',
    {
      'node:crypto': {
        ...crypto,
        timingSafeEqual: (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
          compared.push([a.byteLength, b.byteLength]);
          return crypto.timingSafeEqual(a, b);
        },
      },
    },
  );
  const key = generateKey();
  const stored = await hash(key);
  t.equal(await matches(key, stored), true);
  t.equal(await matches(generateKey(), stored), false);
  t.same(compared, [
    [32, 32],
    [32, 32],
  ]);
});

t.test('what can be presented as a key', async (t) => {
  t.ok(isPresentableKey(generateKey()));
  t.ok(isPresentableKey('x'.repeat(32)));
  t.notOk(isPresentableKey('x'.repeat(31)), 'too short');
  t.notOk(isPresentableKey('x'.repeat(257)), 'too long to be worth hashing');
  t.notOk(isPresentableKey(`${'x'.repeat(32)} y`), 'no spaces');
  t.notOk(isPresentableKey(`${'x'.repeat(32)}é`), 'ASCII only');
});

t.test('generated keys carry a short lookup prefix; other keys none', async (t) => {
  const key = generateKey();
  t.equal(lookupPrefix(key), key.slice(0, 12));
  t.equal(lookupPrefix('an operator chosen secret of enough length'), undefined);
  t.equal(lookupPrefix(`${key}x`), undefined);
  t.not(keyDigest(key), key);
  t.equal(keyDigest(key), keyDigest(key));
});
