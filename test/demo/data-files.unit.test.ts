import t from 'tap';
import { z } from 'zod';
import { explained, parseCsvTable, parseJsonTable, weights } from '../../src/demo/data-files.ts';

const Table = z.strictObject({ mix: explained({ weights: weights(z.enum(['culture', 'forum'])) }) });

t.test('a JSON table loses its reasons and keeps its order', async (t) => {
  const text = '{ "mix": { "why": "culture first", "weights": [["forum", 1], ["culture", 3]] } }';
  t.strictSame(parseJsonTable('mix.json', text, Table), { mix: { weights: [['forum', 1], ['culture', 3]] } });
});

t.test('bad JSON data is refused with the file and the path', async (t) => {
  const refused = (text: string, message: RegExp) => t.throws(() => parseJsonTable('mix.json', text, Table), { name: 'DemoDataError', message });
  refused('{ "mix": { "weights": [] } }', /^mix\.json: at mix\.why: /);
  refused('{ "mix": { "why": "x", "weights": [["sports", 1]] } }', /^mix\.json: at mix\.weights\.0\.0: Invalid option/);
  refused('{ "mix": { "why": "x", "weights": [["forum", 0]] } }', /at mix\.weights\.0\.1: Too small/);
  refused('{ "mix": { "why": "x", "weights": [["forum", 1]], "note": "" } }', /at mix: Unrecognized key: "note"/);
  refused('{ "mix": ', /^mix\.json is not valid JSON/);
});

t.test('a CSV table names the row and the field of bad data', async (t) => {
  const Row = z.strictObject({ code: z.string().regex(/^\d{6}$/, 'a 6-digit code'), name: z.string() });
  t.strictSame(parseCsvTable('x.csv', 'code,name\n370100,Jinan\n', Row), [{ code: '370100', name: 'Jinan' }]);
  t.throws(() => parseCsvTable('x.csv', 'code,name\n370100,Jinan\n3701,Qingdao\n', Row), {
    name: 'DemoDataError',
    message: 'x.csv, row 2: field code: a 6-digit code',
  });
});
