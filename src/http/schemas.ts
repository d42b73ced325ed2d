import { z } from 'zod';
import { MAX_POSITION_PART, parsePosition, POSITION_PATTERN } from '../event-store/position.ts';

/** What every write answers; `position` is the global position to pass as `minPosition` to reads. */
export const WriteResponse = z
  .object({
    id: z.string().describe('The resource id: a UUID, or for a quarterly report its office and quarter'),
    revision: z.number().int().min(0).describe('The stream revision after the write; also in the ETag'),
    position: z.string().describe('Global position of the write in the event log (opaque)'),
  })
  .meta({ id: 'WriteResponse' });

export const Problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.string().describe('Stable machine-readable error code'),
    requestId: z.string().optional(),
    errors: z.array(z.object({ path: z.string(), message: z.string(), code: z.string().optional() })).optional(),
  })
  .meta({ id: 'Problem', description: 'application/problem+json (RFC 9457)' });

export const problemResponses = Object.fromEntries(
  [400, 404, 409, 412, 413, 415, 422, 503].map((status) => [status, Problem]),
) as Record<number, typeof Problem>;

export const RecordedEventSchema = z
  .object({
    id: z.uuid(),
    type: z.string(),
    stream: z.string(),
    revision: z.number().int(),
    position: z.string(),
    recordedAt: z.string().describe('When the store wrote the event'),
    data: z.record(z.string(), z.unknown()),
    metadata: z.object({
      actor: z.string(),
      office: z.string().optional(),
      correlationId: z.string(),
      causationId: z.string().optional(),
      occurredAt: z.string().describe('When the request that produced the event was handled'),
      schemaVersion: z.number().int(),
      idempotencyKey: z.string().optional(),
      requestHash: z.string().optional(),
      previousHash: z.string().optional().describe('The hash of the event before this one in its stream'),
      hash: z.string().optional().describe('SHA-256 over this event\'s canonical content and previousHash'),
      storedSchemaVersion: z
        .number()
        .int()
        .optional()
        .describe('Present when the event was stored in an older shape and upcast on read'),
    }),
  })
  .meta({ id: 'RecordedEvent' });

/** A query bound: a calendar date (YYYY-MM-DD) or an ISO 8601 instant with an offset. */
export const dateOrInstant = () => z.iso.datetime({ offset: true }).or(z.iso.date());

/** The `:id` of an aggregate's routes. */
export const IdParams = z.object({ id: z.uuid() });

/** A global position as a write answered it or an event carries it. */
export const position = () =>
  z
    .string()
    .regex(POSITION_PATTERN, { message: 'a position from an event or a write response', abort: true })
    .refine((text) => parsePosition(text) !== undefined, `beyond the largest position the event store can hold (${MAX_POSITION_PART})`);

/** Every query route accepts `minPosition` (a write's `position`) to read its own writes. */
export const MinPosition = {
  minPosition: position().optional().describe('Wait (bounded) until the read models include the write at this position'),
};

/** What a query route may answer besides its data. */
export const readProblems = { 400: Problem, 404: Problem, 503: Problem };
