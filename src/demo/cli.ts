import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config.ts';
import { createLedger } from '../event-store/ledger.ts';
import { createSqliteEventStore } from '../event-store/sqlite.ts';
import { computeFigures, type Figures } from './figures.ts';
import { DemoStoreNotEmptyError, seedDemoStore, type SeedSummary } from './seed.ts';

const USAGE = `Usage: npm run demo -- [options]

Writes the demo dataset (Shandong's friendship cities up to the press
conference of 7 December 2021) into the configured SQLite event store
[DATA_DIR, SQLITE_DURABILITY], then prints the published figures as the
dashboards show them on that day.

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

/** One line of the report: a label and its value, in columns. */
const row = (label: string, value: string | number) => `  ${label.padEnd(34)}  ${value}`;

function report(path: string, summary: SeedSummary, figures: Figures): string {
  const { BRI, RCEP } = figures.groups;
  const { cultureYears: years, evaluation: e } = figures;
  const lines = [
    `Seeded ${path} in ${(summary.durationMs / 1000).toFixed(1)} s: ${summary.commands} commands` +
      (summary.replayed > 0 ? ` (${summary.replayed} already present)` : '') +
      `, ${summary.partnerships} partnerships, ${summary.projects} projects.`,
    '',
    `Figures as of ${figures.asOf}, as the dashboards show them:`,
    row('relationships (active or dormant)', `${figures.relationships} in ${figures.countries} countries, ${figures.continents.length} continents`),
    row('with Belt and Road countries', `${BRI.pairs} pairs in ${BRI.countries} countries`),
    row('with RCEP member countries', `${RCEP.pairs} pairs in ${RCEP.countries} countries`),
    row('signed in 2021', figures.signedIn2021),
    row('candidate pairs in reserve', figures.pipeline),
    row('planned cooperation projects', figures.plannedProjects),
    row('recorded outcomes', figures.outcomes),
    row('cultural exchanges', `${figures.cultureActivities} over ${years.years} years (${years.first}–${years.last})`),
    row('activities recorded', figures.activities),
  ];
  for (const campaign of figures.campaigns) {
    lines.push(row('campaign', `${campaign.name}: ${campaign.enrolled} dormant ties enrolled, ${campaign.revived} revived, ${campaign.dormantAtEnd} still dormant`));
  }
  if (e.standard !== null) {
    const { min, lowerQuartile, median, upperQuartile, max } = e.scores;
    lines.push(
      `Evaluation (${e.standard}):`,
      row('scores (min, quartiles, max)', `${min} / ${lowerQuartile} / ${median} / ${upperQuartile} / ${max} over ${e.scored} partnerships`),
      row('by band of ten points, from 0', e.bands.join(' ')),
      row('at risk', `${e.atRisk} (${e.atRiskPercent} %): ${e.dormant} dormant, ${e.belowThreshold} active below ${e.threshold}`),
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
