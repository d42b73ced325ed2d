import { Readable } from 'node:stream';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { chinaInstant } from '../../../commands/shared/dates.ts';
import { readLogPage, STREAM_TYPES, type StreamType } from '../../audit/log.ts';
import { verifyAll, verifyStream } from '../../audit/verify.ts';
import type { Position } from '../../event-store/port.ts';
import { apiError } from '../../errors.ts';
import { dateOrInstant, position, Problem, RecordedEventSchema } from '../schemas.ts';
import type { RouteServices } from '../services.ts';

/** A comma-separated list of values, each one of `values` when given. */
const list = <T extends string>(item: z.ZodType<T, string>) =>
  z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()).filter(Boolean))
    .pipe(z.array(item).min(1));

const instant = (description: string) =>
  dateOrInstant()
    .optional()
    .describe(`${description}; a bare date means the start (since) or end (until) of that day in China Standard Time`);

const LogQuery = z
  .object({
    after: position().optional().describe('Exclusive: events strictly after this position; omitted, from the start'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
    streamType: list(z.enum(STREAM_TYPES)).optional().describe(`Comma-separated: ${STREAM_TYPES.join(', ')}`),
    type: list(z.string().regex(/^[A-Za-z]{1,80}$/, 'an event type, e.g. AgreementSigned')).optional().describe('Comma-separated event types'),
    actor: z.string().min(1).max(200).optional().describe("The actor in the events' metadata (an API key's name)"),
    since: instant('Recorded at or after'),
    until: instant('Recorded at or before'),
    format: z.enum(['json', 'jsonl']).default('json'),
  })
  .strict();

const LogResponse = z.object({
  events: z.array(RecordedEventSchema.extend({ stream: z.string() })),
  next: z.string().nullable().describe('Pass as `after` to continue from the last event looked at'),
  more: z.boolean().describe('False once the end of the log was reached'),
  scanned: z.number().int(),
});

const BrokenLinkSchema = z
  .object({
    stream: z.string(),
    revision: z.number().int(),
    kind: z.enum(['revision-missing', 'revision-out-of-order', 'hash-missing', 'content-altered', 'link-broken']),
    detail: z.string(),
    expected: z.string(),
    found: z.string(),
    position: z.string(),
  })
  .meta({ id: 'BrokenLink' });

const StreamVerificationSchema = z.object({
  stream: z.string(),
  ok: z.boolean(),
  events: z.number().int(),
  head: z.object({ revision: z.number().int(), hash: z.string() }).nullable(),
  broken: BrokenLinkSchema.nullable(),
});

const LogVerificationSchema = z.object({
  ok: z.boolean(),
  events: z.number().int(),
  streams: z.number().int(),
  brokenStreams: z.number().int(),
  broken: z.array(BrokenLinkSchema),
  position: z.string().nullable(),
  headsDigest: z.string(),
});

const VerifyQuery = z
  .object({
    stream: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,199}$/, 'a stream name, e.g. partnership-<id>')
      .optional()
      .describe('Verify this stream only; omitted, every stream'),
    progress: z
      .enum(['true', 'false'])
      .default('false')
      .describe('All streams: answer application/x-ndjson, one progress line per 1,000 events, then the result'),
  })
  .strict();

const ndjson = (value: unknown) => `${JSON.stringify(value)}\n`;

/** The global log and the hash-chain check: for auditors and admins. */
export const auditRoutes: FastifyPluginAsync<Pick<RouteServices, 'store'>> = async (app, { store: ledger }) => {
  const typed = app.withTypeProvider<ZodTypeProvider>();

  typed.get(
    '/audit/events',
    {
      config: { access: 'audit' },
      schema: {
        summary: 'The global event log ($all) in order, paged by position, filterable',
        description:
          'Events of every stream in the order they were written. Filters apply to a scan of at most 10,000 events per request: ' +
          'follow `next` while `more` is true. API-key events are shown with their salt and hash redacted.',
        tags: ['audit'],
        querystring: LogQuery,
        response: { 200: LogResponse, 400: Problem },
      },
    },
    async (request, reply) => {
      const { after, limit, streamType, type, actor, since, until, format } = request.query;
      const page = await readLogPage(ledger, {
        ...(after ? { after: after as Position } : {}),
        limit,
        filter: {
          ...(streamType ? { streamTypes: streamType as StreamType[] } : {}),
          ...(type ? { eventTypes: type } : {}),
          ...(actor !== undefined ? { actor } : {}),
          ...(since !== undefined ? { since: chinaInstant(since, 'start') } : {}),
          ...(until !== undefined ? { until: chinaInstant(until, 'end') } : {}),
        },
      });
      const next = page.next ?? after ?? null;
      if (format === 'jsonl') {
        // Continuation details travel in headers so every line is an event.
        return (reply as FastifyReply)
          .type('application/x-ndjson; charset=utf-8')
          .header('x-next-after', next ?? '')
          .header('x-more', String(page.more))
          .serializer((payload: string) => payload)
          .send(page.events.map(ndjson).join(''));
      }
      return { events: page.events, next, more: page.more, scanned: page.scanned };
    },
  );

  typed.get(
    '/audit/verify',
    {
      config: { access: 'audit' },
      schema: {
        summary: 'Recompute the hash chains and report the first broken link of each stream',
        description:
          'Reads the events exactly as stored. `ok` is false when a link is broken; each broken stream is reported once, at its first ' +
          'broken revision. With `progress=true` (all streams) the answer is application/x-ndjson: `{"progress":…}` lines, then `{"result":…}`.',
        tags: ['audit'],
        querystring: VerifyQuery,
        response: { 200: z.union([StreamVerificationSchema, LogVerificationSchema]), 400: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      const { stream, progress } = request.query;
      if (stream !== undefined) {
        const result = await verifyStream(ledger.stored, stream);
        if (result.events === 0) throw apiError('not-found', `No stream ${stream}: it has no events.`, { values: { aggregate: 'stream', id: stream } });
        return result;
      }
      if (progress === 'false') return verifyAll(ledger.stored);

      const aborted = new AbortController();
      request.raw.once('close', () => aborted.abort());
      const lines = new Readable({ read() {} });
      verifyAll(ledger.stored, {
        signal: aborted.signal,
        onProgress: (status) => void lines.push(ndjson({ progress: status })),
      }).then(
        (result) => {
          lines.push(ndjson({ result }));
          lines.push(null);
        },
        (error: unknown) => {
          if (!aborted.signal.aborted) request.log.error({ err: error }, 'chain verification failed');
          lines.push(ndjson({ error: 'verification stopped: the event store could not be read' }));
          lines.push(null);
        },
      );
      return (reply as FastifyReply).type('application/x-ndjson; charset=utf-8').send(lines);
    },
  );
};
