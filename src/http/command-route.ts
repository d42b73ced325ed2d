import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { type Decider, type DomainEvent, foldEvents } from '../../commands/decider.ts';
import { chinaToday } from '../../commands/shared/dates.ts';
import type { EventStore } from '../event-store/port.ts';
import type { Principal } from '../auth/policy.ts';
import { canonicalHash } from '../canonical-json.ts';
import type { CommandHandler, CommandMetadata } from '../commands/handle-command.ts';
import { apiError } from '../errors.ts';
import { canWriteFor, coveringOffice } from '../auth/policy.ts';
import { requirePrincipal } from '../auth/plugin.ts';
import { derivedUuid } from '../ids.ts';
import { IdParams, WriteResponse, problemResponses } from './schemas.ts';

/** One command route: which decider, which stream, which body. */
export interface CommandRoute {
  url: string;
  /** The command type the body becomes, e.g. `SignAgreement`. */
  command: string;
  body: z.ZodObject;
  // The route tables mix aggregates; each entry's decider matches its own commands.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  decider: Decider<any, any, DomainEvent<string, object>>;
  stream: (id: string) => string;
  /** Creating routes answer 201 and take the id from the body's optional `id` or mint one. */
  creates?: boolean;
  /** For a creating route whose resource is named by its body (e.g. an office's report for a quarter). */
  idOf?: (body: Record<string, unknown>) => string;
  summary: string;
  tag: string;
  /**
   * The division that owns the target (a partnership's local side, a
   * project's lead office), from the command for a creation or from the
   * current state; editors may write only for their own offices. Undefined
   * when the target does not exist (the decider answers that).
   */
  ownerOf: (command: { data: Record<string, unknown> }, state: Record<string, unknown>) => string | undefined;
  /**
   * Reads the records the command refers to (a project's partnerships, a
   * campaign's enrolled partnership) and refuses the command when one does
   * not fit; the rules are in `commands/shared/references.ts`.
   */
  checkReferences?: (data: Record<string, unknown>, context: ReferenceContext) => Promise<void>;
  /** Records what other records need to know once the command was appended (e.g. the pair a proposal claims). */
  afterCommand?: (data: Record<string, unknown>, context: ReferenceContext) => Promise<void>;
  /**
   * For a command that another office records on the owner's file (a
   * province or national approval decision, the end of a sister tie): that
   * office, and what the refusal says it decides. Undefined when the
   * owner's office records it.
   */
  decidedBy?: (
    command: { data: Record<string, unknown> },
    state: Record<string, unknown>,
  ) => { office: string; what: string; values: { level: string } | { kind: string } } | undefined;
}

/** What a reference check may use: who asks, today's date, and the current state of any record. */
export interface ReferenceContext {
  /** The target's id. */
  id: string;
  /** The target's current state, as read for the office check (the initial state for a creation). */
  state: Record<string, unknown>;
  principal: Principal;
  /** The day a command without a date is dated (China time). */
  today: string;
  // The referenced aggregates differ per route; each check names its decider.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  load: <S>(decider: Decider<any, S, any>, stream: string) => Promise<S>;
  /** Handles a command of another aggregate (a reservation) on the request's behalf, with its metadata. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  handle: <C>(decider: Decider<C, any, any>, stream: string, command: C) => Promise<unknown>;
}

export interface CommandRouteDependencies {
  store: EventStore;
  clock: () => string;
  handle: CommandHandler;
  /** Ids the server mints for created resources. */
  newId: () => string;
}

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const IF_MATCH = /^(W\/)?"(\d{1,15})"$/;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function expectedRevision(request: FastifyRequest): number | undefined {
  const value = header(request, 'if-match');
  if (value === undefined) return undefined;
  const match = IF_MATCH.exec(value.trim());
  if (!match) throw apiError('invalid-precondition', `If-Match ${JSON.stringify(value)} is not a quoted revision.`);
  if (match[1] !== undefined) {
    // RFC 9110 §13.1.1: If-Match compares entity tags strongly, and a weak tag never matches strongly.
    throw apiError('precondition-failed', `If-Match ${JSON.stringify(value)} is a weak entity tag, which never matches; send "${match[2]}".`, {
      values: { weak: value, revision: match[2] ?? '' },
    });
  }
  return Number(match[2]);
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  const key = header(request, 'idempotency-key');
  if (key === undefined) return undefined;
  if (!IDEMPOTENCY_KEY.test(key)) {
    throw apiError('invalid-request', 'Idempotency-Key must be 1 to 200 visible ASCII characters.', {
      errors: [{ path: 'headers.idempotency-key', message: 'must be 1 to 200 visible ASCII characters' }],
    });
  }
  return key;
}

/** Correlation tokens go into every event: short and plain, or not at all. */
const TOKEN = /^[\w.@:-]{1,100}$/;

/** Who asks and in which request chain, from the authenticated key and the correlation headers. */
export function commandMetadata(request: FastifyRequest): CommandMetadata {
  const { actor, office } = request.actor;
  const causation = header(request, 'x-causation-id');
  const causationId = causation !== undefined && TOKEN.test(causation) ? causation : undefined;
  return {
    actor,
    ...(office ? { office } : {}),
    correlationId: request.correlationId,
    ...(causationId ? { causationId } : {}),
  };
}

/** The id a command targets: from the path, the body, the Idempotency-Key (so a retry creates nothing new) or a fresh one. */
function targetId(route: CommandRoute, request: FastifyRequest, data: Record<string, unknown>, bodyId: string | undefined, key: string | undefined, actor: string, newId: () => string) {
  if (route.idOf) return route.idOf(data);
  if (!route.creates) return (request.params as { id: string }).id;
  return bodyId ?? (key ? derivedUuid('resource', actor, route.command, key) : newId());
}

/** Whether the caller may send this command for this target; the office it acts for goes into the events. */
function authorize(route: CommandRoute, request: FastifyRequest, command: { data: Record<string, unknown> }, state: Record<string, unknown>) {
  const owner = route.ownerOf(command, state);
  if (owner === undefined) return {};
  const principal = requirePrincipal(request);
  const decider = route.decidedBy?.(command, state);
  if (decider !== undefined) {
    if (!canWriteFor(principal, decider.office)) {
      throw apiError('forbidden', `${decider.what} is recorded by office ${decider.office}; the key ${principal.name} does not act for it.`, {
        values: { key: principal.name, office: decider.office, ...decider.values },
      });
    }
    return principal.role === 'admin' ? {} : { office: decider.office };
  }
  if (!canWriteFor(principal, owner)) {
    throw apiError('forbidden', `The key ${principal.name} may not write records of office ${owner}.`, {
      values: { key: principal.name, office: owner },
    });
  }
  const office = coveringOffice(principal, owner);
  return office ? { office } : {};
}

async function referenceContext(
  deps: CommandRouteDependencies,
  route: CommandRoute,
  request: FastifyRequest,
  id: string,
  metadata: CommandMetadata,
): Promise<ReferenceContext> {
  const load: ReferenceContext['load'] = async (decider, stream) => foldEvents(decider, await deps.store.readStream(stream));
  const state = route.creates ? {} : ((await load(route.decider, route.stream(id))) as Record<string, unknown>);
  return {
    id,
    state,
    principal: requirePrincipal(request),
    today: chinaToday(deps.clock()),
    load,
    handle: (decider, stream, command) => deps.handle(decider, stream, command, metadata),
  };
}

export function registerCommandRoute(app: FastifyInstance, deps: CommandRouteDependencies, route: CommandRoute) {
  app.withTypeProvider<ZodTypeProvider>().route({
    method: 'POST',
    url: route.url,
    config: { access: 'write' },
    schema: {
      summary: route.summary,
      tags: [route.tag],
      ...(route.creates ? {} : { params: IdParams }),
      body: route.body,
      response: { [route.creates ? 201 : 200]: WriteResponse, ...problemResponses },
    },
    handler: async (request, reply) => {
      const { id: bodyId, ...data } = request.body as Record<string, unknown> & { id?: string };
      const key = idempotencyKey(request);
      const metadata = commandMetadata(request);
      const id = targetId(route, request, data, bodyId, key, metadata.actor, deps.newId);
      // Only routes that look at other records pay for the context they need.
      const context = route.checkReferences || route.afterCommand ? await referenceContext(deps, route, request, id, metadata) : undefined;
      if (route.checkReferences && context) {
        // Who may not write here learns nothing about other records: the office check comes first.
        authorize(route, request, { data }, context.state);
        await route.checkReferences(data, context);
      }
      const result = await deps.handle(route.decider, route.stream(id), { type: route.command, id, data }, metadata, {
        expectedRevision: expectedRevision(request),
        idempotency: key ? { key, requestHash: canonicalHash([route.command, id, data]) } : undefined,
        authorize: (command: { data: Record<string, unknown> }, state: Record<string, unknown>) => authorize(route, request, command, state),
      });
      // A replay runs it again, so what a failed first attempt left out is recorded now (it records nothing twice).
      if ((result.appended || result.replayed) && context) await route.afterCommand?.(data, context);
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply
        .code(route.creates ? 201 : 200)
        .header('etag', `"${result.revision}"`)
        .send({ id, revision: result.revision, position: result.position as string });
    },
  });
}

/** Registers a resource's command routes. */
export function registerCommandRoutes(app: FastifyInstance, deps: CommandRouteDependencies, routes: readonly CommandRoute[]) {
  for (const route of routes) registerCommandRoute(app, deps, route);
}
