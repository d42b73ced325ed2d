import { join } from 'node:path';
import type { Position } from '../../src/event-store/port.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { perSecond } from '../lib/stats.ts';

/** The SQLite adapter's own `readAll` over the whole log, in pages of 500: the floor under any catch-up. */
export async function measureReadAll(dataDir: string): Promise<{ events: number; ms: number; eventsPerSecond: number }> {
  const store = createSqliteEventStore({ path: join(dataDir, 'events.db') });
  try {
    const started = performance.now();
    let events = 0;
    let after: Position | undefined;
    for (;;) {
      const page = await store.readAll({ ...(after !== undefined ? { after } : {}), maxCount: 500 });
      const last = page.at(-1);
      if (last === undefined) break;
      events += page.length;
      after = last.position;
    }
    const ms = performance.now() - started;
    return { events, ms, eventsPerSecond: perSecond(events, ms) };
  } finally {
    await store.close();
  }
}
