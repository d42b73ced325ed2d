import { randomUUID } from 'node:crypto';
import t from 'tap';
import {
  KeyError,
  decideIssue,
  decideRevoke,
  evolveKeys,
  initialKeysState,
  keySpecProblems,
  type KeysState,
} from '../../src/auth/keys.ts';
import type { RecordedEvent } from '../../src/event-store/port.ts';
import type { Position } from '../../src/event-store/port.ts';

const hash = { salt: 'c2FsdA', hash: 'aGFzaA', algorithm: 'scrypt:16384:8:1' };

function recorded(revision: number, type: string, data: Record<string, unknown>): RecordedEvent {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: { actor: 'root-admin', correlationId: 'c', occurredAt: '2021-12-07T08:00:00.000Z', schemaVersion: 1 },
    stream: 'api-keys',
    revision,
    position: String(revision) as Position,
    recordedAt: '2021-12-07T08:00:00.000Z',
  };
}

function fold(...events: Array<[string, Record<string, unknown>]>): KeysState {
  return events.reduce((state, [type, data], index) => evolveKeys(state, recorded(index, type, data)), initialKeysState);
}

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
  const issued = decideIssue(initialKeysState, { name: 'jinan', role: 'editor', offices: ['370200', '370100', '370200'] }, hash, 'fcl_abcdefgh');
  t.same(issued, { name: 'jinan', role: 'editor', offices: ['370100', '370200'], ...hash, prefix: 'fcl_abcdefgh' });

  const state = fold(['ApiKeyIssued', issued]);
  t.throws(() => decideIssue(state, { name: 'jinan', role: 'viewer' }, hash, undefined), { name: 'KeyError', code: 'key-exists' });
  t.throws(() => decideIssue(state, { name: 'x', role: 'viewer' }, hash, undefined), { code: 'invalid-key-spec' });

  const afterRevocation = fold(['ApiKeyIssued', issued], ['ApiKeyRevoked', { name: 'jinan' }]);
  t.equal(decideIssue(afterRevocation, { name: 'jinan', role: 'viewer' }, hash, undefined).name, 'jinan', 'a revoked name can be reused');
});

t.test('revoking needs a live key', async (t) => {
  const state = fold(['ApiKeyIssued', { name: 'jinan', role: 'viewer', offices: [], ...hash }]);
  t.same(decideRevoke(state, 'jinan', 'leaked'), { name: 'jinan', reason: 'leaked' });
  t.throws(() => decideRevoke(state, 'qingdao'), { code: 'key-not-found' });
  const revoked = fold(['ApiKeyIssued', { name: 'jinan', role: 'viewer', offices: [], ...hash }], ['ApiKeyRevoked', { name: 'jinan' }]);
  t.throws(() => decideRevoke(revoked, 'jinan'), KeyError);
});

t.test('folding keeps the live keys with who issued them and when', async (t) => {
  const state = fold(
    ['ApiKeyIssued', { name: 'a1', role: 'admin', offices: [], ...hash }],
    ['ApiKeyIssued', { name: 'v1', role: 'viewer', offices: [], ...hash }],
    ['SomethingLater', { anything: true }],
    ['ApiKeyRevoked', { name: 'a1', reason: 'rotated' }],
  );
  t.equal(state.revision, 3);
  t.same([...state.active.keys()], ['v1']);
  t.match(state.active.get('v1'), { role: 'viewer', issuedBy: 'root-admin', issuedAt: '2021-12-07T08:00:00.000Z' });
});

t.test('a malformed key event stops the fold rather than being skipped', async (t) => {
  t.throws(() => fold(['ApiKeyRevoked', { who: 'a1' }]));
  t.throws(() => fold(['ApiKeyIssued', { name: 'a1', role: 'root', offices: [], ...hash }]));
});
