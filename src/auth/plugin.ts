/**
 * Authentication by `Authorization: Bearer <key>` and authorization by the
 * access level each route declares in `config.access`.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { KeyRecord } from '../../commands/api-keys/index.ts';
import type { KeyStore } from './key-store.ts';
import { allows, type Access, type Principal } from './policy.ts';
import { VerificationLimitedError } from './verification-budget.ts';
import { apiError } from '../errors.ts';
import type { AddressLimit } from '../http/security.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The caller's key; null only on public routes. */
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    access?: Access;
  }
}

/** Route patterns (not request paths) open without a key; a trailing `*` matches by prefix. */
export const DEFAULT_PUBLIC_ROUTES: readonly string[] = ['/health', '/ready', '/docs*', '/openapi.json'];

export interface AuthOptions {
  keyStore: KeyStore;
  publicRoutes?: readonly string[];
  /** The access a route needs when it declares none: admin, so that a forgotten declaration fails closed. */
  defaultAccess?: Access;
  realm?: string;
  /** Requests without a valid key, counted per address; past the limit a key is not even checked. */
  addressLimit?: AddressLimit | undefined;
}

const BEARER = /^Bearer +([\x21-\x7e]+) *$/i;

function isPublic(patterns: readonly string[], routeUrl: string): boolean {
  return patterns.some((pattern) => (pattern.endsWith('*') ? routeUrl.startsWith(pattern.slice(0, -1)) : routeUrl === pattern));
}

/** The authenticated caller, for code that runs only on protected routes. */
export function requirePrincipal(request: FastifyRequest): Principal {
  if (request.principal === null) throw apiError('unauthenticated', 'This route needs an API key.', { values: { reason: 'missing' } });
  return request.principal;
}

/**
 * Adds the hook that authenticates every request to a non-public route and
 * checks its access level. Call it before registering routes. Both checks run
 * at `onRequest`, before the body is read: a caller without the right key
 * learns nothing from validation errors and costs no parsing.
 */
export function registerAuth(app: FastifyInstance, options: AuthOptions) {
  const publicRoutes = options.publicRoutes ?? DEFAULT_PUBLIC_ROUTES;
  const defaultAccess = options.defaultAccess ?? 'admin';
  const realm = options.realm ?? 'friendship-ledger';
  const challenge = (error?: string) => ({
    headers: { 'www-authenticate': `Bearer realm="${realm}"${error ? `, error="${error}"` : ''}` },
  });

  const { keyStore, addressLimit } = options;
  async function verify(presented: string, client: string): Promise<KeyRecord | undefined> {
    try {
      return await keyStore.verify(presented, client);
    } catch (error) {
      if (!(error instanceof VerificationLimitedError)) throw error;
      const seconds = error.retryAfterSeconds;
      throw apiError('rate-limited', `Too many failed key checks; retry in ${seconds} s.`, {
        headers: { 'retry-after': String(seconds) },
        values: { seconds, reason: 'key-checks' },
      });
    }
  }

  /** The record of the key presented; throws 401 (or 429 past the failed-check budget) when there is none. */
  async function authenticate(authorization: string | undefined, presented: string | undefined, client: string): Promise<KeyRecord> {
    if (authorization === undefined) {
      throw apiError('unauthenticated', 'Send an API key as "Authorization: Bearer <key>".', { ...challenge(), values: { reason: 'missing' } });
    }
    const record = presented === undefined ? undefined : await verify(presented, client);
    if (record === undefined) {
      throw apiError('unauthenticated', 'The API key is not valid or has been revoked.', {
        ...challenge('invalid_token'),
        values: { reason: 'invalid' },
      });
    }
    return record;
  }

  app.decorateRequest('principal', null);

  app.addHook('onRequest', async (request) => {
    const routeUrl = request.routeOptions.url;
    if (routeUrl !== undefined && isPublic(publicRoutes, routeUrl)) return;

    const authorization = request.headers.authorization;
    const presented = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
    // A key verified a moment ago passes at once; anything else is counted against its address first.
    if (addressLimit && (presented === undefined || !keyStore.remembers(presented))) await addressLimit.refuseIfSpent(request);
    const record = await authenticate(authorization, presented, request.ip).catch(async (error: unknown) => {
      // Refused for want of a valid key, whatever the reason: counted against the address.
      await addressLimit?.count(request);
      throw error;
    });
    const principal: Principal = { name: record.name, role: record.role, offices: record.offices };
    request.principal = principal;
    // One office is unambiguous; an editor of several gets its office per command, from the target's division.
    const [office, ...more] = record.offices;
    request.actor = { actor: record.name, ...(office !== undefined && more.length === 0 ? { office } : {}) };

    // No route matched: let the not-found handler answer 404 to an authenticated caller.
    if (routeUrl === undefined) return;
    const access = request.routeOptions.config.access ?? defaultAccess;
    if (!allows(principal.role, access)) {
      throw apiError('forbidden', `The ${principal.role} role does not have ${access} access, which this route needs.`, {
        values: { role: principal.role, access },
      });
    }
  });
}
