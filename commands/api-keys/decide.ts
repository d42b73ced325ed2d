import { DomainError } from '../errors.ts';
import { unreachable } from '../shared/errors.ts';
import { eventFactory } from '../shared/events.ts';
import type { KeyEvent, KeyHash } from './events.ts';
import { type KeySpec, keySpecProblems } from './spec.ts';
import { adminKeys, type KeysState } from './state.ts';

export type KeyCommand =
  | {
      type: 'IssueApiKey';
      id: string;
      data: {
        spec: KeySpec;
        hash: KeyHash;
        prefix?: string | undefined;
        /**
         * A key the service provisions for itself at start: `first` only while
         * no admin key was ever issued, `reissue` (an operator's explicit
         * request) only while no admin key is active.
         */
        provision?: 'first' | 'reissue' | undefined;
      };
    }
  | { type: 'RevokeApiKey'; id: string; data: { name: string; reason?: string | undefined; force?: boolean | undefined } };

const event = eventFactory<KeyEvent>();

function normalised(spec: KeySpec) {
  const problems = keySpecProblems(spec);
  if (problems.length > 0) {
    const message = problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ');
    throw new DomainError('invalid-key-spec', message, undefined, { problems });
  }
  return { name: spec.name, role: spec.role, offices: [...new Set(spec.offices ?? [])].sort() };
}

/** Whether a key the service provisions for itself is not wanted (any more). */
function provisioned(provision: 'first' | 'reissue', state: KeysState): boolean {
  const admins = adminKeys(state);
  return provision === 'first' ? admins.everIssued : admins.active > 0;
}

/** Issuing and revoking API keys; no events when a provisioned key is asked for and not wanted. */
export function decideKeys(command: KeyCommand, state: KeysState): KeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey': {
      const { spec, hash, prefix, provision } = command.data;
      if (provision !== undefined && provisioned(provision, state)) return [];
      const { name, role, offices } = normalised(spec);
      if (state.active.has(name)) {
        throw new DomainError('key-exists', `A key named ${name} already exists; revoke it first or pick another name.`, undefined, {
          values: { name },
        });
      }
      return [event('ApiKeyIssued', { name, role, offices, ...hash, prefix })];
    }
    case 'RevokeApiKey': {
      const { name, reason, force } = command.data;
      const key = state.active.get(name);
      if (key === undefined) {
        throw new DomainError('not-found', `No key named ${name} (or it is already revoked).`, undefined, { values: { aggregate: 'key', id: name } });
      }
      if (key.role === 'admin' && adminKeys(state).active === 1 && force !== true) {
        // Without an admin key nobody can issue keys any more; locking everyone out takes an explicit force.
        const message = `${name} is the last active admin key: issue another admin key first, or revoke with force=true.`;
        throw new DomainError('last-admin-key', message, undefined, { values: { name } });
      }
      return [event('ApiKeyRevoked', { name, reason })];
    }
    default:
      return unreachable(command);
  }
}
