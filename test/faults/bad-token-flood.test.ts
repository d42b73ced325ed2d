/**
 * A flood of made-up keys against a real server on loopback: random tokens
 * of no issued shape, random tokens shaped like generated keys, and tokens
 * that reuse a real key's 12-character lookup prefix, from a process of its
 * own. Meanwhile a legitimate client reads a dashboard from another address.
 * The flood must be answered 401 or 429 and must not slow the legitimate
 * client: its p99 stays within twice its baseline, and a key verified for
 * the first time takes no longer than twice as long as without the flood.
 * The baseline is measured in the same rounds with the flood paused
 * (SIGSTOP), so that whatever else the machine does weighs on both alike.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { setPriority } from 'node:os';
import t from 'tap';
import { startServer, stopServer } from '../e2e/server-process.ts';
import { http, tempDir } from './support.ts';

const FLOOD_CONNECTIONS = 16;
const ROUNDS = 8;
const PER_ROUND = 50;
/** Low enough that the flood spends its address's budget early in the run; the legitimate client, with three keys, stays under it. */
const PER_MINUTE = 300;
/** The legitimate client's own loopback address: the flood comes from 127.0.0.1. */
const LEGIT_ADDRESS = '127.0.0.2';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
};

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The flood, in a process of its own so that its loops do not share the
 * legitimate client's event loop: three kinds of made-up token in turn,
 * until SIGINT; then prints how the server answered.
 */
const FLOOD = `
const { randomBytes } = require('node:crypto');
const [url, prefix, connections] = process.argv.slice(1);
const kinds = [
  () => randomBytes(32).toString('base64url'),
  () => 'fcl_' + randomBytes(32).toString('base64url'),
  () => prefix + randomBytes(32).toString('base64url').slice(0, 35),
];
const byStatus = {};
let failed = 0;
let stopping = false;
process.once('SIGINT', () => (stopping = true));
Promise.all(Array.from({ length: Number(connections) }, async (_, c) => {
  for (let n = c; !stopping; n++) {
    try {
      const answer = await fetch(url, { headers: { authorization: 'Bearer ' + kinds[n % 3]() }, signal: AbortSignal.timeout(5000) });
      await answer.arrayBuffer();
      byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1;
    } catch { failed++; }
  }
})).then(() => console.log(JSON.stringify({ byStatus, failed })));
`;

function startFlood(url: string, prefix: string) {
  const child = spawn(process.execPath, ['-e', FLOOD, url, prefix, String(FLOOD_CONNECTIONS)], { stdio: ['ignore', 'pipe', 'inherit'] });
  // An attacker's CPU is not the server's: on this one machine the flood yields the cores to the server and the legitimate client.
  setPriority(child.pid as number, 19);
  let out = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  const exited = new Promise<{ byStatus: Record<string, number>; failed: number }>((resolve, reject) =>
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`flood exited with ${code}`)))),
  );
  return {
    pause: () => child.kill('SIGSTOP'),
    resume: () => child.kill('SIGCONT'),
    stop: () => {
      child.kill('SIGCONT');
      child.kill('SIGINT');
      return exited;
    },
  };
}

t.test('a bad-token flood is refused cheaply and does not slow a legitimate client', async (t) => {
  const server = await startServer({ DATA_DIR: tempDir(t, 'flood'), READ_MODEL_STORE: 'memory', RATE_LIMIT_PER_MINUTE: String(PER_MINUTE) }, [], { logs: 'startup' });
  t.teardown(() => stopServer(server));
  const { url } = server;

  const issue = async (name: string) => {
    const answer = await http(`${url}/admin/keys`, { body: { name, role: 'viewer' } });
    t.equal(answer.status, 201, `issued ${name}`);
    return answer.body.key as string;
  };
  const legitKeys = [await issue('meeting-room'), await issue('meeting-room-2'), await issue('meeting-room-3')];
  const legitKey = legitKeys[0] as string;
  // One keep-alive connection from the legitimate client's own address, as a dashboard keeps it.
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  t.teardown(() => agent.destroy());
  const target = new URL(`${url}/dashboards/overview`);
  const timed = (key: string) =>
    new Promise<{ ms: number; status: number; body: string }>((resolve, reject) => {
      const started = performance.now();
      const sent = request(
        { host: target.hostname, port: target.port, path: target.pathname, agent, localAddress: LEGIT_ADDRESS, headers: { authorization: `Bearer ${key}` } },
        (answer) => {
          let body = '';
          answer.on('data', (chunk) => (body += chunk));
          answer.once('end', () => resolve({ ms: performance.now() - started, status: answer.statusCode ?? 0, body }));
        },
      );
      sent.setTimeout(10_000, () => sent.destroy(new Error('timed out')));
      sent.once('error', reject);
      sent.end();
    });
  const readSeries = async (count: number) => {
    const times: number[] = [];
    for (let n = 0; n < count; n++) {
      const { ms, status, body } = await timed(legitKeys[n % legitKeys.length] as string);
      if (status !== 200) throw new Error(`legitimate request ${n} answered ${status}: ${body}`);
      times.push(ms);
    }
    return times;
  };
  /** The first request of a new key: one scrypt check. */
  const firstVerification = async (name: string) => {
    const key = await issue(name);
    const { ms, status } = await timed(key);
    t.equal(status, 200, `${name}: a new key works from its first request`);
    return ms;
  };

  await readSeries(30); // warm-up
  const pid = server.child.pid as number;
  const cpuBefore = cpuSeconds(pid);
  const flood = startFlood(target.href, legitKey.slice(0, 12));
  t.teardown(() => flood.stop().catch(() => undefined));
  // Alone at first, long enough to spend its address's budget of unauthenticated requests.
  await new Promise((resolve) => setTimeout(resolve, 6000));
  const alone: number[] = [];
  const during: number[] = [];
  const coldAlone: number[] = [];
  const coldDuring: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    flood.pause();
    await new Promise((resolve) => setTimeout(resolve, 200)); // what was in flight is answered
    alone.push(...(await readSeries(PER_ROUND)));
    if (round % 2 === 0) coldAlone.push(await firstVerification(`alone-${round}`));
    flood.resume();
    await new Promise((resolve) => setTimeout(resolve, round === 0 ? 1000 : 300)); // the flood is under way again
    during.push(...(await readSeries(PER_ROUND)));
    if (round % 2 === 0) coldDuring.push(await firstVerification(`during-${round}`));
  }
  const answers = await flood.stop();
  const cpu = cpuSeconds(pid) - cpuBefore;

  const baseline = percentile(alone, 99);
  const coldBaseline = percentile(coldAlone, 50);
  const coldUnderFlood = percentile(coldDuring, 50);
  const underFlood = percentile(during, 99);
  const answered = Object.entries(answers.byStatus).map(([status, count]) => [Number(status), count] as const);
  const sent = answered.reduce((sum, [, count]) => sum + count, 0) + answers.failed;
  t.comment(
    `flood: ${sent} requests over ${FLOOD_CONNECTIONS} connections, answers ${JSON.stringify(answers.byStatus)}, ` +
      `${answers.failed} failed; server CPU ${cpu.toFixed(1)} s for the whole run`,
  );
  t.comment(
    `legitimate p99 ${baseline.toFixed(1)} ms alone, ${underFlood.toFixed(1)} ms under the flood; ` +
      `first verification of a key (median) ${coldBaseline.toFixed(0)} ms alone, ${coldUnderFlood.toFixed(0)} ms under the flood`,
  );
  t.equal(answers.failed, 0, 'every flood request was answered');
  t.same(
    answered.map(([status]) => status).filter((status) => status !== 401 && status !== 429),
    [],
    'the flood is answered 401 or 429 only',
  );
  t.ok((answers.byStatus[429] ?? 0) > 0, 'past the per-address limit the flood gets 429');
  // Below 2 ms a loopback round trip is timer and scheduler noise, not the server's doing.
  t.ok(underFlood <= 2 * Math.max(baseline, 2), `legitimate p99 within twice its baseline (${underFlood.toFixed(1)} ≤ 2 × ${baseline.toFixed(1)} ms)`);
  t.ok(coldUnderFlood <= 2 * Math.max(coldBaseline, 20), 'a first verification is not slowed by the flood');
});
