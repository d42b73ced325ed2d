import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { DomainEvent } from '../../commands/decider.ts';
import { apiError } from '../errors.ts';
import type { EventStore } from '../event-store/port.ts';
import type { AnyDecider } from './history-entries.ts';
import { registerHistoryRoute } from './history.ts';
import { StateQuery, selectPastEvents } from './past-state.ts';
import { Problem } from './schemas.ts';

export interface AggregateReads {
  /** e.g. `/partnerships` */
  base: string;
  noun: string;
  decider: AnyDecider;
  stream: (id: string) => string;
  tag: string;
}

const IdParams = z.object({ id: z.uuid() });

const StateResponse = z.object({
  id: z.uuid(),
  revision: z.number().int().describe('The revision of the last event the state includes'),
  position: z.string(),
  updatedAt: z.string().describe('When the last event the state includes was recorded'),
  state: z.record(z.string(), z.unknown()),
});

/**
 * The state of one aggregate, folded from its stream (now, at a past
 * revision, on a past day or as known at a past instant), and its history.
 */
export function registerAggregateReads(app: FastifyInstance, store: EventStore, reads: AggregateReads) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const load = async (id: string) => {
    const events = await store.readStream(reads.stream(id));
    if (events.length === 0) throw apiError('not-found', `No ${reads.noun} ${id}.`);
    return events;
  };

  typed.get(
    `${reads.base}/:id`,
    {
      config: { access: 'read' },
      schema: {
        summary: `Current or past state of a ${reads.noun}`,
        description:
          '`?revision=N`: the state right after revision N. `?asOf=YYYY-MM-DD`: the state on that day by the facts’ own ' +
          'dates, as the ledger knows them now (late entries included). `?asOf=<date-time with offset>`: the state at ' +
          'that instant as the ledger knew it then. `?knownAt=` keeps only events recorded by then. 404 when the ' +
          `${reads.noun} did not exist yet at that point.`,
        tags: [reads.tag],
        params: IdParams,
        querystring: StateQuery,
        response: { 200: StateResponse, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const history = selectPastEvents(await load(request.params.id), request.query);
      const last = history.at(-1);
      if (!last) throw apiError('not-found', `The ${reads.noun} did not exist yet at that point.`);
      const state = history.reduce((s, e) => reads.decider.evolve(s, e as unknown as DomainEvent<string, object>), reads.decider.initialState);
      return reply.header('etag', `"${last.revision}"`).send({
        id: request.params.id,
        revision: last.revision,
        position: last.position,
        updatedAt: last.recordedAt,
        state,
      });
    },
  );

  registerHistoryRoute(app, reads, load);
}
