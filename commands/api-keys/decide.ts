import { DomainError } from '../errors.ts';
import { unreachable } from '../shared/errors.ts';
import { eventFactory } from '../shared/events.ts';
import type { KeyEvent, KeyHash } from './events.ts';
import { type KeySpec, keySpecProblems } from './spec.ts';
import type { KeysState } from './state.ts';

export type KeyCommand =
  | {
      type: 'IssueApiKey';
      id: string;
      data: {
        spec: KeySpec;
        hash: KeyHash;
        prefix?: string | undefined;
        /** Issue only while no key is active at all: the first start's admin key. */
        onlyFirst?: boolean;
      };
    }
  | { type: 'RevokeApiKey'; id: string; data: { name: string; reason?: string | undefined } };

const event = eventFactory<KeyEvent>();

function normalised(spec: KeySpec) {
  const problems = keySpecProblems(spec);
  if (problems.length > 0) {
    const message = problems.map((p) => `${p.path.join('.')}: ${p.message}`).join('; ');
    throw new DomainError('invalid-key-spec', message, undefined, problems);
  }
  return { name: spec.name, role: spec.role, offices: [...new Set(spec.offices ?? [])].sort() };
}

/** Issuing and revoking API keys; no events when a first key is asked for and one exists. */
export function decideKeys(command: KeyCommand, state: KeysState): KeyEvent[] {
  switch (command.type) {
    case 'IssueApiKey': {
      const { spec, hash, prefix, onlyFirst } = command.data;
      if (onlyFirst === true && state.active.size > 0) return [];
      const { name, role, offices } = normalised(spec);
      if (state.active.has(name)) {
        throw new DomainError('key-exists', `A key named ${name} already exists; revoke it first or pick another name.`);
      }
      return [event('ApiKeyIssued', { name, role, offices, ...hash, prefix })];
    }
    case 'RevokeApiKey': {
      const { name, reason } = command.data;
      if (!state.active.has(name)) throw new DomainError('not-found', `No key named ${name} (or it is already revoked).`);
      return [event('ApiKeyRevoked', { name, reason })];
    }
    default:
      return unreachable(command);
  }
}
