/**
 * The ceiling the service is measured against: bare fastify on the same
 * machine, in the same run, with nothing between the socket and the
 * handler. GET /body answers a fixed JSON body (the harness passes the exact
 * answer of the route it compares with); POST /echo parses a JSON body and
 * answers a small JSON, as a write route's reply is small.
 *
 *   node --import tsx bench/bare-server.ts --body <file>
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import Fastify from 'fastify';

const { values } = parseArgs({ options: { body: { type: 'string' } }, strict: true });
const body = values.body === undefined ? '{}' : readFileSync(values.body, 'utf8');

const app = Fastify({ logger: false });
app.get('/body', (_request, reply) => {
  reply.type('application/json; charset=utf-8').send(body);
});
let written = 0;
app.post('/echo', (request) => {
  written++;
  return { id: '00000000-0000-4000-8000-000000000000', revision: written, position: String(written), received: typeof request.body };
});

process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
const address = await app.listen({ port: 0, host: '127.0.0.1' });
// The harness finds the port in this line, as it does in the service's log.
console.log(`Server listening at ${address}`);
