import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { DOMAIN_ERRORS, type DomainErrorKind } from '../commands/errors.ts';
import { catalogue, DOMAIN_KINDS } from '../src/errors.ts';

const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(join(root, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(root, path)).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The code that can raise errors, without the two files that define the codes. */
const code = ['commands', 'src', 'projections']
  .flatMap(sources)
  .filter((path) => path !== join('commands', 'errors.ts') && path !== join('src', 'errors.ts'))
  .map((path) => readFileSync(join(root, path), 'utf8'))
  .join('\n');

t.test('every catalogue entry has a status, a title and a raiser', async (t) => {
  for (const [entry, { status, title }] of Object.entries(catalogue)) {
    t.ok(status >= 400 && status <= 599, `${entry}: an error status`);
    t.ok(title.length > 0, `${entry}: a title`);
    t.ok(code.includes(`'${entry}'`), `${entry}: raised somewhere, not a dead entry`);
  }
});

t.test('a domain code is answered with the status of its kind', async (t) => {
  const expected: Record<DomainErrorKind, number> = { invalid: 400, rule: 409, 'not-found': 404 };
  for (const [entry, kind] of Object.entries(DOMAIN_ERRORS)) {
    t.equal(catalogue[entry as keyof typeof catalogue].status, expected[kind], `${entry} (${kind})`);
    t.equal(DOMAIN_KINDS[kind].status, expected[kind]);
  }
});

t.test('every code raised by name is in the catalogue', async (t) => {
  const raised = new Set<string>();
  for (const pattern of [/new DomainError\(\s*'([a-z-]+)'/g, /issueCode\(\s*'([a-z-]+)'/g, /apiError\(\s*'([a-z-]+)'/g, /code: '([a-z-]+)'/g]) {
    for (const match of code.matchAll(pattern)) raised.add(match[1] as string);
  }
  // zod's own issue kind, not an error code.
  raised.delete('custom');
  t.ok(raised.size > 30, `found the raisers (${raised.size} codes)`);
  for (const entry of raised) t.ok(entry in catalogue, `${entry} is catalogued`);
});
