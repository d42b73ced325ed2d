import pino from 'pino';
import t from 'tap';
import { createLedger } from '../../src/event-store/ledger.ts';
import { EventStoreUnavailableError } from '../../src/event-store/port.ts';
import { createSqliteEventStore } from '../../src/event-store/sqlite.ts';
import { withOverrides } from '../support/store-overrides.ts';
import { buildTestApp, qingdaoDakar } from './harness.ts';

/**
 * During an outage the log says so once when it begins and once when it
 * ends, at warn and info and without a stack; an unexpected 500 is still
 * an error with its stack, every time.
 */

interface Line {
  level: number;
  msg: string;
  code?: string;
  answers?: number;
  reason?: string;
  err?: { stack?: string };
}

const WARN = 40;
const INFO = 30;
const ERROR = 50;

t.test('an outage is logged when it begins and when it ends, a failure every time', async (t) => {
  let mode: 'up' | 'down' | 'broken' = 'up';
  const sqlite = createSqliteEventStore({ path: ':memory:' });
  // Partnership streams fail on read as the test says; everything else (keys, the log the projections follow) works.
  const flaky = withOverrides(sqlite, {
    readStream: async (stream, options) => {
      if (stream.startsWith('partnership-') && mode === 'down') throw new EventStoreUnavailableError('the disk went away');
      if (stream.startsWith('partnership-') && mode === 'broken') throw new TypeError('a bug');
      return sqlite.readStream(stream, options);
    },
  });
  const lines: Line[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void lines.push(JSON.parse(line) as Line) });
  const { post, get } = await buildTestApp(t, { store: createLedger(flaky), logger, minPositionWaitMs: 50 });
  // What the error handler and the outage log say, not fastify's line per request.
  const said = () => lines.splice(0).filter((line) => line.msg !== 'incoming request' && line.msg !== 'request completed');

  const id = (await post('/partnerships', qingdaoDakar)).json<{ id: string }>().id;
  t.equal((await get(`/partnerships/${id}`)).statusCode, 200);
  said();

  mode = 'down';
  for (let n = 0; n < 5; n++) t.equal((await get(`/partnerships/${id}`)).statusCode, 503);
  const down = said();
  t.match(down, [{ level: WARN, msg: 'event store unavailable', code: 'store-unavailable', reason: 'the disk went away' }], 'one warning for five 503s');
  t.equal(down.length, 1);
  t.notOk(down[0]?.err, 'no stack');

  mode = 'up';
  t.equal((await get(`/partnerships/${id}`)).statusCode, 200);
  t.equal((await get(`/partnerships/${id}`)).statusCode, 200);
  t.match(said(), [{ level: INFO, msg: 'event store available again', code: 'store-unavailable', answers: 5 }], 'one line when it is back');

  for (let n = 0; n < 3; n++) t.equal((await get('/dashboards/overview?minPosition=999999')).statusCode, 503);
  t.match(said(), [{ level: WARN, msg: 'read models behind', code: 'read-model-behind' }]);
  t.equal((await get('/dashboards/overview?minPosition=1')).statusCode, 200);
  t.match(said(), [{ level: INFO, msg: 'read models caught up', answers: 3 }]);

  mode = 'broken';
  for (let n = 0; n < 2; n++) t.equal((await get(`/partnerships/${id}`)).statusCode, 500);
  const failures = said();
  t.equal(failures.length, 2, 'an unexpected 500 is logged every time');
  t.ok(failures.every((line) => line.level === ERROR && line.msg === 'request failed' && line.err?.stack?.includes('TypeError: a bug')));
});
