import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { createLedger } from '../event-store/ledger.ts';
import { createSqliteEventStore } from '../event-store/sqlite.ts';
import { computeFigures, type Figures } from './figures.ts';
import { DemoStoreNotEmptyError, seedDemoStore, type SeedSummary } from './seed.ts';

const USAGE = `Usage: npm run demo -- [options]

Writes the demo dataset (Shandong's friendship cities as of December 2021)
into the configured SQLite event store [DATA_DIR, SQLITE_DURABILITY].

Options:
  --force               seed even if the store already has events; commands of an
                        earlier demo seed are recognised and not written twice
  --concurrency <n>     streams written side by side [default 24]
  -h, --help            show this help
`;

function parse(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    options: {
      force: { type: 'boolean', default: false },
      concurrency: { type: 'string', default: '24' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256) {
    throw new TypeError(`--concurrency must be a whole number from 1 to 256, not ${values.concurrency}`);
  }
  return { force: values.force, concurrency, help: values.help === true };
}

function report(path: string, summary: SeedSummary, figures: Figures): string {
  const { BRI, RCEP } = figures.groups;
  const campaign = figures.campaigns[0];
  const lines = [
    `Seeded ${path} in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.commands} commands` +
      (summary.replayed > 0 ? ` (${summary.replayed} already present)` : '') +
      `, ${summary.partnerships} partnerships, ${summary.projects} projects.`,
    '',
    `Figures as of ${figures.asOf}, as the dashboards show them:`,
    `  relationships (active or dormant)   ${figures.relationships} in ${figures.countries} countries, ${figures.continents.length} continents`,
    `  with Belt and Road countries        ${BRI.pairs} pairs in ${BRI.countries} countries`,
    `  with RCEP member countries          ${RCEP.pairs} pairs in ${RCEP.countries} countries`,
    `  signed in 2021                      ${figures.signedIn2021}`,
    `  candidate pairs in reserve          ${figures.pipeline}`,
    `  planned cooperation projects        ${figures.plannedProjects}`,
    `  recorded outcomes                   ${figures.outcomes}`,
    `  cultural exchanges                  ${figures.cultureActivities} over ${figures.cultureYears.years} years (${figures.cultureYears.first}–${figures.cultureYears.last})`,
  ];
  if (campaign !== undefined) {
    lines.push(
      `  campaign "${campaign.name}": ${campaign.enrolled} dormant ties enrolled, ${campaign.revived} revived, ${campaign.dormantAtEnd} still dormant`,
    );
  }
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<number> {
  let options;
  let config;
  try {
    options = parse(process.argv.slice(2));
    if (options.help) {
      process.stdout.write(USAGE);
      return 0;
    }
    config = loadConfig(process.env);
  } catch (error) {
    const message = error instanceof ConfigError || error instanceof TypeError ? error.message : String(error);
    process.stderr.write(`${message}\n\n${USAGE}`);
    return 2;
  }
  if (config.eventStore.kind !== 'sqlite') {
    process.stderr.write('The demo seeds the embedded SQLite store; unset EVENT_STORE or set it to sqlite.\n');
    return 2;
  }
  const { path, durability } = config.eventStore;
  const store = createLedger(createSqliteEventStore({ path, durability }));
  try {
    const summary = await seedDemoStore(store, {
      force: options.force,
      concurrency: options.concurrency,
      conflictRetries: config.conflictRetries,
    });
    process.stdout.write(report(path, summary, await computeFigures(store)));
    return 0;
  } catch (error) {
    if (error instanceof DemoStoreNotEmptyError) {
      process.stderr.write(`${path}: ${error.message}\n`);
      return 2;
    }
    throw error;
  } finally {
    await store.close();
  }
}

process.exitCode = await main();
