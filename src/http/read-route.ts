import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Decider, DomainEvent } from '../../commands/decider.ts';
import { apiError } from '../errors.ts';
import type { EventStore, RecordedEvent } from '../event-store/port.ts';
import { Problem, RecordedEventSchema } from './schemas.ts';

export interface AggregateReads {
  /** e.g. `/partnerships` */
  base: string;
  noun: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  decider: Decider<any, any, DomainEvent<string, object>>;
  stream: (id: string) => string;
  tag: string;
}

const IdParams = z.object({ id: z.uuid() });

const StateQuery = z
  .object({
    revision: z.coerce.number().int().min(0).optional().describe('The state right after this revision'),
    asOf: z.iso
      .datetime({ offset: true })
      .or(z.iso.date())
      .optional()
      .describe('The state as recorded at this time; a bare date means the end of that day in China Standard Time'),
  })
  .strict();

const StateResponse = z.object({
  id: z.uuid(),
  revision: z.number().int(),
  position: z.string(),
  updatedAt: z.string(),
  state: z.record(z.string(), z.unknown()),
});

/** A bare date is read as the end of that day in China Standard Time (UTC+8, no DST). */
function asOfInstant(asOf: string): number {
  return Date.parse(asOf.length === 10 ? `${asOf}T23:59:59.999+08:00` : asOf);
}

function selectHistory(events: RecordedEvent[], query: z.infer<typeof StateQuery>): RecordedEvent[] {
  if (query.revision !== undefined) return events.filter((e) => e.revision <= (query.revision as number));
  if (query.asOf !== undefined) {
    const until = asOfInstant(query.asOf);
    return events.filter((e) => Date.parse(e.recordedAt) <= until);
  }
  return events;
}

/**
 * The state of one aggregate, folded from its stream (now or at a past
 * revision or time), and its raw history with metadata.
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
        tags: [reads.tag],
        params: IdParams,
        querystring: StateQuery,
        response: { 200: StateResponse, 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const history = selectHistory(await load(request.params.id), request.query);
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

  typed.get(
    `${reads.base}/:id/history`,
    {
      config: { access: 'audit' },
      schema: {
        summary: `Every event of a ${reads.noun}, with its metadata`,
        tags: [reads.tag],
        params: IdParams,
        response: { 200: z.object({ id: z.uuid(), events: z.array(RecordedEventSchema) }), 404: Problem },
      },
    },
    async (request, reply) => {
      const events = await load(request.params.id);
      return reply.header('etag', `"${(events.at(-1) as RecordedEvent).revision}"`).send({ id: request.params.id, events });
    },
  );
}
