import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import t from 'tap';
import { DOMAIN_ERRORS, type DomainErrorKind } from '../commands/errors.ts';
import { type CatalogueCode, catalogue, detailOf, DOMAIN_KINDS, messageOf, MESSAGES, titleOf } from '../src/errors.ts';
import { LANGUAGES } from '../src/i18n/language.ts';

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

t.test('every catalogue entry has a status, a title in every language and a raiser', async (t) => {
  for (const [entry, { status }] of Object.entries(catalogue)) {
    t.ok(status >= 400 && status <= 599, `${entry}: an error status`);
    for (const language of LANGUAGES) {
      t.ok(titleOf(entry as CatalogueCode, language).length > 0, `${entry}: a ${language} title`);
      t.ok(messageOf(entry as CatalogueCode, language).length > 0, `${entry}: a ${language} message`);
    }
    t.ok(code.includes(`'${entry}'`), `${entry}: raised somewhere, not a dead entry`);
  }
});

t.test('every code has its wording in both languages, and the Chinese is Chinese', async (t) => {
  const codes = Object.keys(catalogue).sort();
  for (const language of LANGUAGES) {
    const { service, domain } = MESSAGES[language];
    t.same([...Object.keys(service), ...Object.keys(domain)].sort(), codes, `${language}: one entry per code, no more`);
  }
  const han = /\p{Script=Han}/u;
  for (const entry of codes) {
    t.match(titleOf(entry as CatalogueCode, 'zh'), han, `${entry}: a Chinese title`);
    t.match(messageOf(entry as CatalogueCode, 'zh'), han, `${entry}: a Chinese message`);
  }
  for (const [entry, write] of Object.entries(MESSAGES.zh.details)) {
    t.ok(entry in catalogue, `${entry}: a detail of a catalogued code`);
    t.match(write({}), han, `${entry}: writes a Chinese detail`);
  }
});

t.test('a detail is the English the raiser wrote, or written from its values in Chinese', async (t) => {
  const error = { message: 'date 2021-03-05 is in the future (today is 2021-03-01 in China)', values: { date: '2021-03-05', today: '2021-03-01' } };
  t.equal(detailOf('date-in-future', 'en', error), error.message);
  t.equal(detailOf('date-in-future', 'zh', error), '日期 2021-03-05 晚于今天（中国时间 2021-03-01）');
  t.equal(detailOf('date-in-future', 'zh', { message: 'no values' }), '日期晚于今天', 'without values, what the check says');
});

t.test('a domain code is answered with the status of its kind', async (t) => {
  const expected: Record<DomainErrorKind, number> = { invalid: 400, rule: 409, 'not-found': 404 };
  for (const [entry, kind] of Object.entries(DOMAIN_ERRORS)) {
    t.equal(catalogue[entry as keyof typeof catalogue].status, expected[kind], `${entry} (${kind})`);
    t.equal(DOMAIN_KINDS[kind].status, expected[kind]);
    t.equal(titleOf(entry as CatalogueCode, 'en'), MESSAGES.en.domainTitles[entry as keyof typeof DOMAIN_ERRORS] ?? MESSAGES.en.kinds[kind]);
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
