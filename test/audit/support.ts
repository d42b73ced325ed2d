import { randomUUID } from 'node:crypto';
import type { EventMetadata, EventStore, NewEvent } from '../../src/event-store/port.ts';

export const metadata = (actor = 'test-editor'): EventMetadata => ({
  actor,
  correlationId: randomUUID(),
  occurredAt: '2026-01-01T00:00:00.000Z',
  schemaVersion: 1,
});

export const noted = (type: string, data: Record<string, unknown>, actor?: string): NewEvent => ({
  id: randomUUID(),
  type,
  data,
  metadata: metadata(actor),
});

/** Writes `count` events to `stream`, one append each, as a history grows. */
export async function grow(store: EventStore, stream: string, count: number, from = 0): Promise<void> {
  for (let n = from; n < from + count; n++) {
    await store.append(stream, [noted('ContactEstablished', { n, date: `2020-01-${String((n % 28) + 1).padStart(2, '0')}` })], {
      expectedRevision: n === 0 ? 'no_stream' : n - 1,
    });
  }
}
