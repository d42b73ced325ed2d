/**
 * Process crashes under write load. A real server on a SQLite file (default
 * durability `full`) is killed with SIGKILL ten times while eight clients
 * keep writing, each command with its own Idempotency-Key. What a client was
 * told (2xx) must be in the log exactly once; what it was not told must be
 * there whole or not at all; and the read models caught up after the last
 * restart must equal a rebuild from zero.
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import t from 'tap';
import { comparePositions } from '../../src/event-store/position.ts';
import type { Position } from '../../src/event-store/port.ts';
import { startServer, stopServer, type ServerProcess } from '../e2e/server-process.ts';
import { comparable, copyDataDir, histogram, http, sleep, tempDir, wholeRegister } from './support.ts';

const KILLS = 10;
const CLIENTS = 8;
const OFFICES = ['370100', '370200', '370300', '370600', '370700', '371000', '371100', '371300'];
const PARTNERS = [
  { nameEn: 'Angers', country: 'FR' },
  { nameEn: 'Kitakyushu', country: 'JP' },
  { nameEn: 'Daegu', country: 'KR' },
  { nameEn: 'Adelaide', country: 'AU' },
  { nameEn: 'Recife', country: 'BR' },
  { nameEn: 'Gdańsk', country: 'PL' },
];

type Kind = 'propose' | 'letter-of-intent' | 'agreement' | 'activity' | 'dormancy';
type Status = 'none' | 'candidate' | 'intent_signed' | 'active' | 'dormant';

interface Command {
  key: string;
  kind: Kind;
  partnershipId: string;
  /** The events this command must write, known from the state it was sent in (its client is the only writer of the partnership). */
  expected: string[];
  url: string;
  body: Record<string, unknown>;
  attempts: number;
  acknowledged?: { status: number; revision: number; position: Position; replayed: boolean };
}

interface HistoryEvent {
  type: string;
  revision: number;
  position: Position;
  data: Record<string, unknown>;
  metadata: { idempotencyKey?: string };
}

const commands: Command[] = [];
const unexpected: { key: string; kind: Kind; status: number; body: unknown }[] = [];

function command(kind: Kind, partnershipId: string, status: Status, client: number): Command {
  const key = `crash-${client}-${randomUUID()}`;
  const path = `/partnerships/${partnershipId}`;
  const made = (url: string, body: Record<string, unknown>, expected: string[]): Command => {
    const entry = { key, kind, partnershipId, expected, url, body, attempts: 0 };
    commands.push(entry);
    return entry;
  };
  switch (kind) {
    case 'propose': {
      const partner = PARTNERS[commands.length % PARTNERS.length] as (typeof PARTNERS)[number];
      const local = { divisionCode: OFFICES[client % OFFICES.length] as string };
      // One pair per proposal: the same pair is not proposed twice.
      const body = { id: partnershipId, local, partner: { ...partner, nameEn: `${partner.nameEn} ${commands.length}`, level: 'city' }, kind: 'friendly_cooperation', date: '2020-01-15' };
      return made('/partnerships', body, ['PartnershipProposed']);
    }
    case 'letter-of-intent':
      return made(`${path}/letter-of-intent`, { date: '2020-02-01' }, ['LetterOfIntentSigned']);
    case 'agreement':
      return made(`${path}/agreement`, { date: '2020-03-01', place: 'Jinan', signatories: [{ side: 'local', name: 'Li' }] }, [
        'AgreementSigned',
      ]);
    case 'dormancy':
      return made(`${path}/dormancy`, { date: '2021-06-01', reason: 'no exchange for two years' }, ['PartnershipMarkedDormant']);
    case 'activity': {
      const body = { date: '2021-06-01', type: 'culture', direction: 'joint', title: `Exchange ${key}`, participants: 12 };
      // On a dormant partnership an activity also reactivates it: two events that must land together.
      return made(`${path}/activities`, body, status === 'dormant' ? ['ActivityRecorded', 'PartnershipReactivated'] : ['ActivityRecorded']);
    }
  }
}

const after: Record<Kind, Status> = {
  propose: 'candidate',
  'letter-of-intent': 'intent_signed',
  agreement: 'active',
  activity: 'active',
  dormancy: 'dormant',
};

t.test('SIGKILL under write load loses, duplicates and half-applies nothing', async (t) => {
  const dataDir = tempDir(t, 'ledger-crash');
  const env = { DATA_DIR: dataDir, RATE_LIMIT_PER_MINUTE: '0' };

  // The server the clients talk to; undefined between a kill and the next start.
  let live: ServerProcess | undefined;
  let wakeUp: (() => void)[] = [];
  let stopping = false;
  const serverUp = async (): Promise<string | undefined> => {
    while (!live && !stopping) await new Promise<void>((resolve) => wakeUp.push(resolve));
    return stopping ? undefined : live?.url;
  };

  const send = async (url: string, entry: Command): Promise<'answered' | 'lost'> => {
    entry.attempts++;
    try {
      const answer = await http(`${url}${entry.url}`, { body: entry.body, headers: { 'idempotency-key': entry.key }, timeoutMs: 15_000 });
      if (answer.status === 200 || answer.status === 201) {
        entry.acknowledged = {
          status: answer.status,
          revision: answer.body.revision as number,
          position: answer.body.position as Position,
          replayed: answer.headers.get('idempotent-replayed') === 'true',
        };
      } else {
        unexpected.push({ key: entry.key, kind: entry.kind, status: answer.status, body: answer.body });
      }
      return 'answered';
    } catch {
      return 'lost';
    }
  };

  /** The partnership's status from the log, when the client no longer knows whether its last command landed. */
  const statusOf = async (url: string, id: string): Promise<Status | 'unknown'> => {
    try {
      const answer = await http(`${url}/partnerships/${id}`, { timeoutMs: 15_000 });
      if (answer.status === 404) return 'none';
      if (answer.status === 200) return (answer.body.state as { status: Status }).status;
    } catch {
      // the server went away again
    }
    return 'unknown';
  };

  const client = async (n: number) => {
    let id = randomUUID();
    let status: Status | 'unknown' = 'none';
    let retry: Command | undefined;
    for (;;) {
      const url = await serverUp();
      if (url === undefined) return;
      if (status === 'unknown') {
        status = await statusOf(url, id);
        continue;
      }
      let entry = retry;
      retry = undefined;
      if (!entry) {
        const roll = Math.random();
        if (status === 'active' && roll < 0.1) {
          id = randomUUID();
          status = 'none';
        }
        const kind: Kind =
          status === 'none'
            ? 'propose'
            : status === 'candidate'
              ? 'letter-of-intent'
              : status === 'intent_signed'
                ? 'agreement'
                : status === 'active' && roll > 0.88
                  ? 'dormancy'
                  : 'activity';
        entry = command(kind, id, status, n);
      }
      const outcome = await send(url, entry);
      if (outcome === 'lost') {
        // Half the time the client retries with the same key; otherwise it gives up and asks the log.
        if (Math.random() < 0.5) retry = entry;
        else status = 'unknown';
      } else {
        status = entry.acknowledged ? after[entry.kind] : 'unknown';
      }
    }
  };

  const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
  const killedAfterMs: number[] = [];
  for (let kill = 0; kill < KILLS; kill++) {
    const server = await startServer(env);
    live = server;
    for (const resolve of wakeUp) resolve();
    wakeUp = [];
    const wait = 200 + Math.floor(Math.random() * 600);
    killedAfterMs.push(wait);
    await sleep(wait);
    live = undefined;
    await stopServer(server, 'SIGKILL');
  }
  stopping = true;
  for (const resolve of wakeUp) resolve();
  await Promise.all(clients);

  // One more start, and a clean one: every check below reads the log through it.
  const final = await startServer(env);
  t.teardown(() => stopServer(final, 'SIGKILL'));

  const partnershipIds = [...new Set(commands.map((c) => c.partnershipId))];
  const histories = new Map<string, HistoryEvent[]>();
  for (const id of partnershipIds) {
    // One page holds 100 events by default; a busy client can write more to one partnership.
    const answer = await http(`${final.url}/partnerships/${id}/history?limit=1000`, { timeoutMs: 30_000 });
    if (answer.status === 404) histories.set(id, []);
    else if (answer.status === 200) histories.set(id, answer.body.events as HistoryEvent[]);
    else t.fail(`history of ${id}: ${answer.status}`);
  }

  let gaps = 0;
  let keyless = 0;
  let strangers = 0;
  const byKey = new Map<string, HistoryEvent[]>();
  for (const [id, events] of histories) {
    if (events.some((event, index) => event.revision !== index)) {
      gaps++;
      t.fail(`revisions of ${id} are not contiguous: ${events.map((e) => e.revision).join(',')}`);
    }
    for (const event of events) {
      const key = event.metadata.idempotencyKey;
      if (key === undefined) keyless++;
      else byKey.set(key, [...(byKey.get(key) ?? []), event]);
    }
  }
  const known = new Set(commands.map((c) => c.key));
  for (const key of byKey.keys()) if (!known.has(key)) strangers++;

  let lost = 0;
  let duplicated = 0;
  let halfApplied = 0;
  let misreported = 0;
  let landedUnacknowledged = 0;
  for (const entry of commands) {
    const events = byKey.get(entry.key) ?? [];
    const types = events.map((e) => e.type);
    const whole = JSON.stringify(types) === JSON.stringify(entry.expected);
    const contiguous = events.every((e, i) => i === 0 || e.revision === (events[i - 1] as HistoryEvent).revision + 1);
    if (entry.acknowledged) {
      if (events.length === 0) lost++;
      else if (events.length > entry.expected.length) duplicated++;
      else if (!whole || !contiguous) halfApplied++;
      const last = events.at(-1);
      if (last && (last.revision !== entry.acknowledged.revision || last.position !== entry.acknowledged.position)) misreported++;
    } else if (events.length > 0) {
      landedUnacknowledged++;
      if (events.length > entry.expected.length) duplicated++;
      else if (!whole || !contiguous) halfApplied++;
    }
  }
  const titles = [...histories.values()].flat().filter((e) => e.type === 'ActivityRecorded').map((e) => e.data.title as string);
  const duplicateTitles = titles.length - new Set(titles).size;

  const acknowledged = commands.filter((c) => c.acknowledged);
  const replayed = acknowledged.filter((c) => c.acknowledged?.replayed).length;
  const twoEventCommands = acknowledged.filter((c) => c.expected.length === 2).length;
  t.comment(
    `crash: ${KILLS} kills (${killedAfterMs.join('/')} ms after start), ${commands.length} commands sent by ${CLIENTS} clients, ` +
      `${acknowledged.length} acknowledged (${replayed} of them replays of a retried key, ${twoEventCommands} two-event reactivations), ` +
      `${lost} lost, ${duplicated} duplicated, ${halfApplied} half-applied, ${landedUnacknowledged} landed without an answer, ` +
      `${misreported} answered with another revision or position than stored`,
  );
  t.comment(`crash: by kind ${JSON.stringify(histogram(acknowledged.map((c) => c.kind)))}; ${partnershipIds.length} partnerships; unexpected answers ${JSON.stringify(histogram(unexpected.map((u) => u.status)))}`);
  t.ok(acknowledged.length >= 200, `enough load to mean something (${acknowledged.length} acknowledged)`);
  t.equal(lost, 0, 'no acknowledged command is lost');
  t.equal(duplicated, 0, 'no command is stored twice');
  t.equal(duplicateTitles, 0, 'no activity title appears twice');
  t.equal(halfApplied, 0, 'every command is in the log whole or not at all');
  t.equal(misreported, 0, 'each answer named the revision and position stored');
  t.equal(gaps, 0, 'revisions are contiguous in every stream');
  t.equal(keyless, 0, 'every event carries the key of the command that wrote it');
  t.equal(strangers, 0, 'no event carries a key nobody sent');
  t.same(unexpected, [], 'no command was refused (each client knew its partnership’s state)');

  // Every append is atomic, so the hash chains survive the kills whole.
  const chains = await http(`${final.url}/audit/verify`, { timeoutMs: 30_000 });
  t.match(chains.body, { ok: true, brokenStreams: 0 }, `every hash chain holds (${chains.body.events} events, ${chains.body.streams} streams)`);

  // The read side after catch-up, against a rebuild from zero on a copy of the log.
  const positions = acknowledged.map((c) => c.acknowledged?.position as Position).sort(comparePositions);
  const lastPosition = positions.at(-1) as Position;
  const overview = await http(`${final.url}/dashboards/overview?minPosition=${lastPosition}`, { timeoutMs: 30_000 });
  t.equal(overview.status, 200, 'the read models reach the last acknowledged position');
  const activitiesInLog = titles.length;
  const partnershipsInLog = [...histories.values()].filter((events) => events.length > 0).length;
  t.equal(overview.body.activities, activitiesInLog, 'the overview counts every activity in the log');
  const register = await wholeRegister(final.url, lastPosition);
  t.equal(register.length, partnershipsInLog, 'the register lists every partnership in the log');
  const pipeline = await http(`${final.url}/dashboards/pipeline?minPosition=${lastPosition}`);

  const copy = join(tempDir(t, 'ledger-crash-copy'), 'data');
  await copyDataDir(dataDir, copy);
  const rebuilt = await startServer({ ...env, DATA_DIR: copy });
  t.teardown(() => stopServer(rebuilt, 'SIGKILL'));
  const rebuiltOverview = await http(`${rebuilt.url}/dashboards/overview?minPosition=${lastPosition}`, { timeoutMs: 30_000 });
  t.same(...comparable(overview.body, rebuiltOverview.body), 'the overview equals a rebuild from zero');
  t.same(register, await wholeRegister(rebuilt.url, lastPosition), 'the register equals a rebuild from zero');
  const rebuiltPipeline = await http(`${rebuilt.url}/dashboards/pipeline?minPosition=${lastPosition}`);
  t.same(...comparable(pipeline.body, rebuiltPipeline.body), 'the pipeline equals a rebuild from zero');
  t.comment(
    `crash: read models at position ${lastPosition}: ${partnershipsInLog} partnerships, ${activitiesInLog} activities, ` +
      `by status ${JSON.stringify(overview.body.byStatus)}; rebuild from zero identical`,
  );

  t.equal(await stopServer(rebuilt), 0, 'the rebuilding server shuts down cleanly');
  t.equal(await stopServer(final), 0, 'the last start shuts down cleanly');
});
