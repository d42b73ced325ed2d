/**
 * Admin view of the projections and rebuilds from position zero. A rebuild
 * builds a fresh read-model version next to the one readers see and switches
 * them over atomically once it has caught up, so it is safe while the
 * service answers requests.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PROJECTIONS } from '../../../projections/index.ts';
import { apiError } from '../../errors.ts';
import { buildProgress, commitOf } from '../../projection-runner/build-progress.ts';
import type { ProjectionStatus } from '../../projection-runner/types.ts';
import { Problem } from '../schemas.ts';
import type { RouteServices } from '../services.ts';

const Building = z.object({
  version: z.string(),
  checkpoint: z.string().nullable(),
  caughtUp: z.boolean(),
  progress: z.number().min(0).max(1).describe('Share of the log the new version has committed, from positions'),
  eventsPerSecond: z.number().nullable().describe('Mean rate of this build so far (SQLite only; null where positions are not event numbers)'),
});

const LastRebuild = z.object({
  version: z.string(),
  outcome: z.enum(['running', 'live', 'failed']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  eventsPerSecond: z.number().nullable(),
  error: z.string().nullable(),
});

const ProjectionEntry = z
  .object({
    name: z.string(),
    version: z.string().nullable().describe('The version readers see'),
    state: z.string(),
    checkpoint: z.string().nullable(),
    lastPosition: z.string().nullable(),
    caughtUp: z.boolean(),
    lag: z.number().nullable(),
    degraded: z.boolean(),
    lastError: z.string().nullable(),
    building: Building.nullable(),
    lastRebuild: LastRebuild.nullable().describe('The last rebuild asked of this process, if any'),
  })
  .meta({ id: 'ProjectionStatus' });

const StatusReply = z.object({
  projecting: z.boolean().describe('False where another process runs the projections (ROLE=api)'),
  projections: z.array(ProjectionEntry),
});

const RebuildBody = z.union([
  z.object({ projections: z.array(z.string().min(1).max(100)).min(1).max(50) }).strict(),
  z.object({ all: z.literal(true) }).strict(),
]);

const RebuildReply = StatusReply.extend({
  started: z.array(z.string()).describe('Rebuilds this request started'),
  alreadyRunning: z.array(z.string()).describe('Rebuilds that were already running; not started twice'),
});

const problems = { 400: Problem, 401: Problem, 403: Problem, 409: Problem, 503: Problem };
/** States in which a projection serves a version this process can rebuild (or is building one already). */
const REBUILDABLE = new Set(['live', 'rebuilding', 'building', 'failed']);


export const projectionAdminRoutes: FastifyPluginAsync<Pick<RouteServices, 'readSide' | 'clock' | 'eventStoreKind'>> = async (app, options) => {
  const { readSide } = options;
  const now = () => Date.parse(options.clock());
  const typed = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['projections'];
  // On SQLite a position is the event's number, so position deltas count events; EventStoreDB's are byte offsets.
  const countsEvents = options.eventStoreKind === 'sqlite';
  /** Where each build was first seen, to measure its rate: `name@version` → start. */
  const builds = new Map<string, { at: number; from: bigint }>();
  const lastRebuilds = new Map<string, z.infer<typeof LastRebuild>>();

  const rate = (events: bigint, sinceMs: number) => {
    const seconds = (now() - sinceMs) / 1000;
    return countsEvents && seconds >= 0.01 ? Math.round(Number(events) / seconds) : null;
  };

  function entry(p: ProjectionStatus): z.infer<typeof ProjectionEntry> {
    let building: z.infer<typeof Building> | null = null;
    if (p.building) {
      const key = `${p.name}@${p.building.version}`;
      const start = builds.get(key) ?? { at: now(), from: commitOf(p.building.checkpoint) };
      builds.set(key, start);
      building = {
        version: p.building.version,
        checkpoint: p.building.checkpoint ?? null,
        caughtUp: p.building.caughtUp,
        progress: buildProgress(p.building.checkpoint, p.lastPosition, p.building.caughtUp),
        eventsPerSecond: rate(commitOf(p.building.checkpoint) - start.from, start.at),
      };
    }
    for (const key of builds.keys()) if (key.startsWith(`${p.name}@`) && key !== `${p.name}@${p.building?.version}`) builds.delete(key);
    const last = lastRebuilds.get(p.name);
    return {
      name: p.name,
      version: p.version ?? null,
      state: p.state,
      checkpoint: p.checkpoint ?? null,
      lastPosition: p.lastPosition ?? null,
      caughtUp: p.caughtUp,
      lag: p.lag,
      degraded: p.degraded,
      lastError: p.lastError ?? null,
      building,
      lastRebuild: last ?? null,
    };
  }

  /** Starts one rebuild in the background and records how it ends. */
  function start(name: string) {
    const rebuild = readSide.rebuild as NonNullable<RouteServices['readSide']['rebuild']>;
    const at = now();
    const done = rebuild(name);
    // The runner sets up the build synchronously, so its version is already visible.
    const version = readSide.status().find((p) => p.name === name)?.building?.version ?? 'unknown';
    builds.set(`${name}@${version}`, { at, from: 0n });
    const record = { version, outcome: 'running' as const, startedAt: new Date(at).toISOString(), finishedAt: null, eventsPerSecond: null, error: null };
    lastRebuilds.set(name, record);
    const finish = (update: Partial<z.infer<typeof LastRebuild>>) => {
      if (lastRebuilds.get(name) === record) lastRebuilds.set(name, { ...record, ...update, finishedAt: options.clock() });
    };
    done.then(
      () => finish({ outcome: 'live', eventsPerSecond: rate(commitOf(readSide.status().find((p) => p.name === name)?.checkpoint), at) }),
      (error: unknown) => finish({ outcome: 'failed', error: error instanceof Error ? error.message : String(error) }),
    );
  }

  const reply = () => ({ projecting: readSide.rebuild !== undefined, projections: readSide.status().map(entry) });

  typed.get(
    '/admin/projections',
    {
      config: { access: 'admin' },
      schema: { summary: 'Each projection: version served, state, checkpoint and any rebuild running', tags, response: { 200: StatusReply, ...problems } },
    },
    async () => reply(),
  );

  typed.post(
    '/admin/projections/rebuild',
    {
      config: { access: 'admin' },
      schema: {
        summary: 'Rebuild projections from position zero, in the background; readers keep the old version until the switch',
        tags,
        body: RebuildBody,
        response: { 202: RebuildReply, ...problems },
      },
    },
    async (request, response) => {
      const statuses = readSide.status();
      const known = statuses.length > 0 ? statuses.map((p) => p.name) : PROJECTIONS.map((p) => p.name);
      const wanted = 'all' in request.body ? known : [...new Set(request.body.projections)];
      const unknown = wanted.filter((name) => !known.includes(name));
      if (unknown.length > 0) {
        throw apiError('unknown-projection', `No projection named ${unknown.join(', ')}. Valid names: ${known.join(', ')}.`, {
          errors: unknown.map((name) => ({ path: 'body.projections', message: `unknown projection "${name}"; valid: ${known.join(', ')}` })),
        });
      }
      if (readSide.rebuild === undefined) {
        throw apiError(
          'projector-elsewhere',
          'This process serves the API only (ROLE=api) and does not run the projections. Rebuild where they run: a ROLE=all service, ' +
            'or stop the ROLE=projector process and run `npm run replay -- --direct` with its settings (Redis read models).',
        );
      }
      const byName = new Map(statuses.map((p) => [p.name, p]));
      const notReady = wanted.filter((name) => !REBUILDABLE.has(byName.get(name)?.state ?? 'stopped'));
      if (notReady.length > 0) {
        const states = notReady.map((name) => `${name} is ${byName.get(name)?.state ?? 'stopped'}`).join(', ');
        if (notReady.some((name) => byName.get(name)?.state === 'standby')) {
          throw apiError('projector-elsewhere', `${states}: another process holds the projector lock; ask that one.`);
        }
        throw apiError('projection-not-ready', `${states}; nothing was started. Try again shortly.`, { headers: { 'retry-after': '1' } });
      }
      // A rebuild already running is not started again: the caller follows the one there is.
      const alreadyRunning = wanted.filter((name) => byName.get(name)?.building !== undefined);
      const started = wanted.filter((name) => !alreadyRunning.includes(name));
      for (const name of started) start(name);
      request.log.info({ started, alreadyRunning }, 'projection rebuild requested');
      const all = reply();
      return response.code(202).send({ ...all, projections: all.projections.filter((p) => wanted.includes(p.name)), started, alreadyRunning });
    },
  );
};
