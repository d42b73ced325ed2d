import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { foldEvents } from '../../commands/decider.ts';
import { apiError } from '../errors.ts';
import type { EventStore, RecordedEvent } from '../event-store/port.ts';
import { type AnyDecider, HistoryEntry, eachHistoryEntry, historyEntries } from './history-entries.ts';
import { historyExport } from './history-export.ts';
import { StateQuery, selectPastEvents } from './past-state.ts';
import { IdParams, Problem } from './schemas.ts';

/** What an aggregate's read routes need: where it lives and how its events fold. */
export interface AggregateReads {
  /** e.g. `/partnerships` */
  base: string;
  noun: string;
  decider: AnyDecider;
  stream: (id: string) => string;
  tag: string;
}

const StateResponse = z.object({
  id: z.uuid(),
  revision: z.number().int().describe('The revision of the last event the state includes'),
  position: z.string(),
  updatedAt: z.string().describe('When the last event the state includes was recorded'),
  state: z.record(z.string(), z.unknown()),
});

const PAGE_SIZE = 100;

const HistoryQuery = z
  .object({
    from: z.coerce.number().int().min(0).default(0).describe('The first revision to return'),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .optional()
      .describe(
        `How many events; default ${PAGE_SIZE} for JSON and for exports with the state, the whole rest of the history for csv and jsonl without it`,
      ),
    state: z
      .enum(['true', 'false'])
      .optional()
      .describe(
        'Whether each entry carries the whole state after it: by default yes in JSON pages, no in csv and jsonl exports, ' +
          'which carry what each event changed. An export with `state=true` is paged like JSON.',
      ),
    format: z
      .enum(['json', 'csv', 'jsonl'])
      .optional()
      .describe(
        'json (paged), csv (RFC 4180, UTF-8 with BOM) or jsonl (one entry per line); ' +
          'without it, Accept: text/csv or application/x-ndjson picks an export',
      ),
  })
  .strict();

const HistoryPage = z
  .object({
    id: z.uuid(),
    events: z.array(HistoryEntry),
    next: z.number().int().nullable().describe('The `from` of the next page; null at the end'),
  })
  .meta({ id: 'HistoryPage' });

type Format = 'json' | 'csv' | 'jsonl';

async function* withByteOrderMark(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  yield '\ufeff';
  yield* chunks;
}

const EXPORTS = {
  csv: { type: 'text/csv; charset=utf-8', extension: 'csv' },
  jsonl: { type: 'application/x-ndjson; charset=utf-8', extension: 'jsonl' },
} as const;

/** The query parameter wins; without it, an Accept header naming an export format picks it. */
function formatOf(request: FastifyRequest, format: Format | undefined): Format {
  if (format) return format;
  const accept = request.headers.accept ?? '';
  if (accept.includes('text/csv')) return 'csv';
  if (accept.includes('application/x-ndjson') || accept.includes('application/jsonl')) return 'jsonl';
  return 'json';
}


/**
 * The reads of one aggregate, straight from its stream: its state now, at a
 * past revision, on a past day or as known at a past instant; and its
 * history, the audit view.
 */
export function registerAggregateReads(app: FastifyInstance, store: EventStore, reads: AggregateReads) {
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const load = async (id: string) => {
    const events = await store.readStream(reads.stream(id));
    if (events.length === 0) throw apiError('not-found', `No ${reads.noun} ${id}.`, { values: { aggregate: reads.noun, id } });
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
      if (!last) throw apiError('not-found', `The ${reads.noun} did not exist yet at that point.`, { values: { aggregate: reads.noun } });
      const state = foldEvents(reads.decider, history);
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
        summary: `Every event of a ${reads.noun} with its metadata, the state after it and what it changed (auditors and admins)`,
        description:
          'Paged by revision: `?from=` (default 0) and `?limit=` (default 100, at most 1000); `next` is the `from` of the ' +
          'next page, also sent as a `Link: rel="next"` header. `?format=csv|jsonl` exports the whole history as a download.',
        tags: [reads.tag],
        params: IdParams,
        querystring: HistoryQuery,
        response: {
          200: {
            description: 'The history page (JSON) or export (CSV, JSON Lines)',
            content: {
              'application/json': { schema: HistoryPage },
              'text/csv': { schema: z.string() },
              'application/x-ndjson': { schema: z.string() },
            },
          },
          400: Problem,
          404: Problem,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const { from, limit, format: asked, state } = request.query;
      const format = formatOf(request, asked);
      const withState = state === undefined ? format === 'json' : state === 'true';
      const events = await load(id);
      const count = limit ?? (withState ? PAGE_SIZE : Number.POSITIVE_INFINITY);
      const next = from + count < events.length ? from + count : null;
      reply.header('etag', `"${(events.at(-1) as RecordedEvent).revision}"`);
      if (next !== null) {
        const query = new URLSearchParams({ from: String(next), limit: String(count), ...(asked && { format: asked }), ...(state && { state }) });
        reply.header('link', `<${reads.base}/${id}/history?${query}>; rel="next"`);
      }
      if (format === 'json') return reply.send({ id, events: historyEntries(reads.decider, events, from, count, withState), next });
      const { type, extension } = EXPORTS[format];
      const rows = historyExport(format, eachHistoryEntry(reads.decider, events, from, count, withState), withState);
      // The byte-order mark makes Excel read the names and notes as UTF-8.
      const body = format === 'csv' ? withByteOrderMark(rows) : rows;
      return reply
        .type(type)
        .header('content-disposition', `attachment; filename="${reads.noun}-${id}-history.${extension}"`)
        // A stream bypasses the serializer; the schema's string describes what it carries.
        .send(Readable.from(body) as unknown as string);
    },
  );
}
