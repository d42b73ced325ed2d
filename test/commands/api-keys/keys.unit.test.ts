import { randomUUID } from 'node:crypto';
import t from 'tap';
import { foldEvents } from '../../../commands/decider.ts';
import { DomainError } from '../../../commands/errors.ts';
import { keysDecider, keySpecProblems, type KeyCommand, type KeySpec, type KeysState } from '../../../commands/api-keys/index.ts';

const hash = { salt: 'c2FsdA', hash: 'aGFzaA', algorithm: 'scrypt:16384:8:1' };

/** A key event as the store holds it: folds read who issued a key and when from the envelope. */
function stored(revision: number, type: string, data: Record<string, unknown>) {
  return { id: randomUUID(), type, data, revision, metadata: { actor: 'root-admin', occurredAt: '2021-12-07T08:00:00.000Z' } };
}

function fold(...events: Array<[string, Record<string, unknown>]>): KeysState {
  return foldEvents(keysDecider, events.map(([type, data], index) => stored(index, type, data)));
}

const decide = (state: KeysState, command: KeyCommand) => keysDecider.decide(command, state, { now: '2021-12-07T08:00:00.000Z', newId: randomUUID });
const issue = (spec: KeySpec, prefix?: string, provision?: 'first' | 'reissue'): KeyCommand => ({
  type: 'IssueApiKey',
  id: 'api-keys',
  data: { spec, hash, prefix, ...(provision !== undefined ? { provision } : {}) },
});
const revoke = (name: string, reason?: string, force?: boolean): KeyCommand => ({
  type: 'RevokeApiKey',
  id: 'api-keys',
  data: { name, reason, ...(force !== undefined ? { force } : {}) },
});
const admin = (name: string): [string, Record<string, unknown>] => ['ApiKeyIssued', { name, role: 'admin', offices: [], ...hash }];
const viewer = (name: string): [string, Record<string, unknown>] => ['ApiKeyIssued', { name, role: 'viewer', offices: [], ...hash }];

const codes = (spec: Parameters<typeof keySpecProblems>[0]) => keySpecProblems(spec).map((p) => `${p.path.join('.')}:${p.code}`);

t.test('what a key spec must satisfy', async (t) => {
  t.same(codes({ name: 'qingdao-oa', role: 'editor', offices: ['370200'] }), []);
  t.same(codes({ name: 'province.fao', role: 'editor', offices: ['370000', '370100'] }), []);
  t.same(codes({ name: 'dashboard', role: 'viewer' }), []);
  t.same(codes({ name: 'Dashboard', role: 'viewer' }), ['name:key-name-invalid'], 'lower case only');
  t.same(codes({ name: 'x', role: 'viewer' }), ['name:key-name-invalid'], 'at least 2 characters');
  t.same(codes({ name: '-x', role: 'viewer' }), ['name:key-name-invalid'], 'starts with a letter or digit');
  t.same(codes({ name: 'a'.repeat(64), role: 'viewer' }), ['name:key-name-invalid'], 'at most 63 characters');
  t.same(codes({ name: 'root', role: 'superuser' }), ['role:role-invalid']);
  t.same(codes({ name: 'qingdao-oa', role: 'editor' }), ['offices:editor-needs-office']);
  t.same(codes({ name: 'qingdao-oa', role: 'editor', offices: [] }), ['offices:editor-needs-office']);
  t.same(codes({ name: 'auditor-1', role: 'auditor', offices: ['370200'] }), ['offices:offices-only-for-editors']);
  t.same(codes({ name: 'huangdao', role: 'editor', offices: ['370211'] }), ['offices.0:office-invalid'], 'a district is not an office');
  t.same(codes({ name: 'laiwu', role: 'editor', offices: ['370200', '371200'] }), ['offices.1:office-invalid'], 'Laiwu is gone');
  t.same(codes({ name: 'beijing', role: 'editor', offices: ['110000'] }), ['offices.0:office-invalid']);
  t.match(keySpecProblems({ name: 'huangdao', role: 'editor', offices: ['370211'] })[0]?.message, /370200/);
});

t.test('issuing: offices are normalised, names are unique among live keys', async (t) => {
  const [issued] = decide(fold(), issue({ name: 'jinan', role: 'editor', offices: ['370200', '370100', '370200'] }, 'fcl_abcdefgh'));
  t.same(issued, { type: 'ApiKeyIssued', data: { name: 'jinan', role: 'editor', offices: ['370100', '370200'], ...hash, prefix: 'fcl_abcdefgh' } });

  const state = fold(['ApiKeyIssued', issued?.data as Record<string, unknown>]);
  t.throws(() => decide(state, issue({ name: 'jinan', role: 'viewer' })), { name: 'DomainError', code: 'key-exists' });
  t.throws(() => decide(state, issue({ name: 'x', role: 'viewer' })), { code: 'invalid-key-spec' });

  const afterRevocation = fold(['ApiKeyIssued', issued?.data as Record<string, unknown>], ['ApiKeyRevoked', { name: 'jinan' }]);
  t.equal(decide(afterRevocation, issue({ name: 'jinan', role: 'viewer' }))[0]?.data.name, 'jinan', 'a revoked name can be reused');
});

t.test('a first admin key is provisioned only while no admin key was ever issued', async (t) => {
  const first = issue({ name: 'admin', role: 'admin' }, undefined, 'first');
  t.equal(decide(fold(), first).length, 1);
  t.equal(decide(fold(viewer('dashboard')), first).length, 1, 'keys of other roles do not count');
  t.same(decide(fold(admin('ops')), first), [], 'an admin key exists: nothing to write');
  t.same(decide(fold(admin('admin'), ['ApiKeyRevoked', { name: 'admin' }]), first), [], 'nor after it was revoked');
});

t.test('a reissued admin key only while no admin key is active', async (t) => {
  const reissue = issue({ name: 'admin', role: 'admin' }, undefined, 'reissue');
  const revoked = fold(admin('admin'), ['ApiKeyRevoked', { name: 'admin' }]);
  t.match(decide(revoked, reissue), [{ type: 'ApiKeyIssued', data: { name: 'admin', role: 'admin' } }]);
  t.same(decide(fold(admin('ops')), reissue), []);
  t.same(revoked.revoked.map((key) => key.name), ['admin'], 'the revoked key is kept, to refuse its secret');
});

t.test('the last active admin key is revoked only with force', async (t) => {
  const state = fold(admin('admin'), viewer('dashboard'));
  t.throws(() => decide(state, revoke('admin')), { name: 'DomainError', code: 'last-admin-key' });
  t.throws(() => decide(state, revoke('admin', 'rotated', false)), { code: 'last-admin-key' });
  t.same(decide(state, revoke('admin', 'locked down', true)), [{ type: 'ApiKeyRevoked', data: { name: 'admin', reason: 'locked down' } }]);
  t.equal(decide(fold(admin('admin'), admin('ops')), revoke('admin')).length, 1, 'another admin key remains');
  t.equal(decide(state, revoke('dashboard')).length, 1, 'other roles are revoked as before');
});

t.test('revoking needs a live key', async (t) => {
  const state = fold(['ApiKeyIssued', { name: 'jinan', role: 'viewer', offices: [], ...hash }]);
  t.same(decide(state, revoke('jinan', 'leaked')), [{ type: 'ApiKeyRevoked', data: { name: 'jinan', reason: 'leaked' } }]);
  t.throws(() => decide(state, revoke('qingdao')), { code: 'not-found' });
  const revoked = fold(['ApiKeyIssued', { name: 'jinan', role: 'viewer', offices: [], ...hash }], ['ApiKeyRevoked', { name: 'jinan' }]);
  t.throws(() => decide(revoked, revoke('jinan')), DomainError);
});

t.test('folding keeps the live keys with who issued them and when', async (t) => {
  const state = fold(
    ['ApiKeyIssued', { name: 'a1', role: 'admin', offices: [], ...hash }],
    ['ApiKeyIssued', { name: 'v1', role: 'viewer', offices: [], ...hash }],
    ['SomethingLater', { anything: true }],
    ['ApiKeyRevoked', { name: 'a1', reason: 'rotated' }],
  );
  t.same([...state.active.keys()], ['v1'], 'an event type added later is passed over; the revocation after it still counts');
  t.match(state.active.get('v1'), { role: 'viewer', issuedBy: 'root-admin', issuedAt: '2021-12-07T08:00:00.000Z' });
});

t.test('a malformed key event stops the fold rather than being skipped', async (t) => {
  t.throws(() => fold(['ApiKeyRevoked', { who: 'a1' }]));
  t.throws(() => fold(['ApiKeyIssued', { name: 'a1', role: 'root', offices: [], ...hash }]));
});
