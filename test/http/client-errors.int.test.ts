import { connect } from 'node:net';
import t, { type Test } from 'tap';
import { buildTestApp } from './harness.ts';

/**
 * What Node's HTTP parser refuses before fastify sees a request, on a real
 * listening server: answered as problem+json, in Chinese, and closed; a
 * request still arriving after REQUEST_TIMEOUT_MS is cut within about a
 * second of it.
 */

const REQUEST_TIMEOUT_MS = 1500;
/** Every exchange is given up after this long, so that no test can hang. */
const GIVE_UP_MS = 15_000;

interface Exchange {
  status: number;
  headers: Record<string, string>;
  body: Record<string, unknown> | undefined;
  /** From the first byte sent to the server closing the connection. */
  elapsedMs: number;
}

async function listening(t: Test) {
  const test = await buildTestApp(t, { requestTimeoutMs: REQUEST_TIMEOUT_MS });
  await test.app.listen({ port: 0, host: '127.0.0.1' });
  const address = test.app.server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return { ...test, port: address.port };
}

/** Sends `chunks` over a raw socket, one every `gapMs`, until the server closes it; what it answered. */
function exchange(port: number, chunks: string[], gapMs = 0): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const received: Buffer[] = [];
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const giveUp = setTimeout(() => {
      socket.destroy();
      reject(new Error(`the server kept the connection open for ${GIVE_UP_MS} ms`));
    }, GIVE_UP_MS);
    const send = (index: number) => {
      const chunk = chunks[index];
      if (chunk === undefined || socket.destroyed) return;
      socket.write(chunk);
      timer = setTimeout(() => send(index + 1), gapMs);
    };
    socket.on('connect', () => send(0));
    socket.on('data', (data) => received.push(data));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearTimeout(timer);
      clearTimeout(giveUp);
      const text = Buffer.concat(received).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(
        lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
      );
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: body ? (JSON.parse(body) as Record<string, unknown>) : undefined,
        elapsedMs: performance.now() - started,
      });
    });
  });
}

function isProblem(t: Test, answer: Exchange, status: number, code: string, title: string) {
  t.equal(answer.status, status);
  t.equal(answer.headers['content-type'], 'application/problem+json');
  t.equal(answer.headers['content-language'], 'zh-CN');
  t.strictSame(answer.body, { type: `urn:problem:${code}`, title, status, detail: title, code });
}

t.test('a malformed request line is a 400 problem', async (t) => {
  const { port } = await listening(t);
  isProblem(t, await exchange(port, ['NOT AN HTTP REQUEST\r\n\r\n']), 400, 'invalid-request', '请求无效');
});

t.test('a malformed header is a 400 problem', async (t) => {
  const { port } = await listening(t);
  isProblem(t, await exchange(port, ['GET /health HTTP/1.1\r\nhost: x\r\nbad header\r\n\r\n']), 400, 'invalid-request', '请求无效');
});

t.test('headers larger than Node accepts are a 431 problem', async (t) => {
  const { port } = await listening(t);
  const answer = await exchange(port, [`GET /health HTTP/1.1\r\nhost: x\r\nx-filler: ${'a'.repeat(20_000)}\r\n\r\n`]);
  isProblem(t, answer, 431, 'headers-too-large', '请求头过大');
});

t.test('headers sent byte by byte are cut at the request timeout with a 408 problem', async (t) => {
  const { port } = await listening(t);
  const header = `x-slow: ${'a'.repeat(100)}`;
  const answer = await exchange(port, ['GET /health HTTP/1.1\r\nhost: x\r\n', ...header], 100);
  isProblem(t, answer, 408, 'request-timeout', '请求未在规定时间内发送完毕');
  t.ok(answer.elapsedMs >= REQUEST_TIMEOUT_MS - 100, `not before the timeout: ${Math.round(answer.elapsedMs)} ms`);
  t.ok(answer.elapsedMs < REQUEST_TIMEOUT_MS + 2500, `within about a second of it: ${Math.round(answer.elapsedMs)} ms`);
});

t.test('a body sent byte by byte is cut at the request timeout with a 408 problem', async (t) => {
  const { port, auth } = await listening(t);
  const head =
    'POST /partnerships HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: 200\r\n' +
    `authorization: ${auth.authorization}\r\n\r\n`;
  const answer = await exchange(port, [head, ...'{"kind":"sister","notes":"'.padEnd(150, 'a')], 100);
  isProblem(t, answer, 408, 'request-timeout', '请求未在规定时间内发送完毕');
  t.ok(answer.elapsedMs >= REQUEST_TIMEOUT_MS - 100, `not before the timeout: ${Math.round(answer.elapsedMs)} ms`);
  t.ok(answer.elapsedMs < REQUEST_TIMEOUT_MS + 2500, `within about a second of it: ${Math.round(answer.elapsedMs)} ms`);
});

t.test('a request sent in time is answered as usual', async (t) => {
  const { port } = await listening(t);
  const answer = await exchange(port, ['GET /health HTTP/1.1\r\nhost: x\r\nconnection: close\r\n\r\n']);
  t.equal(answer.status, 200);
});
