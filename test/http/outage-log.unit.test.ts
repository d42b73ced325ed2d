import t from 'tap';
import type { FastifyBaseLogger } from 'fastify';
import { createOutageLog, isOutage } from '../../src/http/outage-log.ts';

/** A logger that keeps what it was told, as `level message {fields}`. */
function recorder() {
  const said: string[] = [];
  const line = (level: string) => (fields: object, message: string) => void said.push(`${level} ${message} ${JSON.stringify(fields)}`);
  return { said, log: { warn: line('warn'), info: line('info') } as unknown as FastifyBaseLogger };
}

t.test('which 503s are outages', async (t) => {
  t.ok(isOutage('store-unavailable'));
  t.ok(isOutage('read-models-unavailable'));
  t.ok(isOutage('read-model-behind'));
  t.notOk(isOutage('internal'));
});

t.test('the first 503 of a kind warns; the rest are counted until the route answers again', async (t) => {
  let clock = 0;
  const outages = createOutageLog({ windowMs: 60_000, now: () => clock });
  const { said, log } = recorder();
  outages.failed('read-models-unavailable', 'GET /dashboards/overview', 'connect ECONNREFUSED', log);
  for (let n = 0; n < 9; n++) outages.failed('read-models-unavailable', 'GET /dashboards/pipeline', 'connect ECONNREFUSED', log);
  outages.answered('POST /partnerships', log);
  t.ok(outages.watching());
  t.strictSame(said, ['warn read models unavailable {"code":"read-models-unavailable","reason":"connect ECONNREFUSED"}'], 'another route answering says nothing');
  clock = 12_000;
  outages.answered('GET /dashboards/pipeline', log);
  t.equal(said[1], 'info read models available again {"code":"read-models-unavailable","answers":10,"seconds":12}');
  t.notOk(outages.watching());
});

t.test('a long outage gets a summary per window; one not seen for a window warns again', async (t) => {
  let clock = 0;
  const outages = createOutageLog({ windowMs: 60_000, now: () => clock });
  const { said, log } = recorder();
  for (clock = 0; clock <= 70_000; clock += 10_000) outages.failed('store-unavailable', 'GET /x', 'down', log);
  t.strictSame(said, [
    'warn event store unavailable {"code":"store-unavailable","reason":"down"}',
    'info event store still unavailable {"code":"store-unavailable","answers":7,"seconds":60}',
  ]);
  clock = 200_000;
  outages.failed('store-unavailable', 'GET /x', 'down', log);
  t.equal(said.length, 3);
  t.match(said[2], /^warn event store unavailable/);
});
