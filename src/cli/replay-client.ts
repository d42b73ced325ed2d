/**
 * The replay CLI's side of the admin routes (src/http/routes/projections-admin.ts):
 * plain fetch, with every way the service can say no turned into a message
 * an operator can act on.
 */

/** One projection as GET /admin/projections shows it (the fields the CLI uses). */
export interface ProjectionView {
  name: string;
  version: string | null;
  state: string;
  lastError: string | null;
  building: { version: string; progress: number; eventsPerSecond: number | null } | null;
  lastRebuild: { version: string; outcome: 'running' | 'live' | 'failed'; eventsPerSecond: number | null; error: string | null } | null;
}

export interface RebuildAnswer {
  projections: ProjectionView[];
  started: string[];
  alreadyRunning: string[];
}

/** The service refused or could not be reached; `exitCode` 2 for a usage problem (unknown projection), 1 otherwise. */
export class ReplayError extends Error {
  override readonly name = 'ReplayError';
  constructor(
    message: string,
    readonly exitCode: 1 | 2 = 1,
    /** The service was not reached at all. */
    readonly unreachable = false,
  ) {
    super(message);
  }
}

interface Problem {
  code?: string;
  detail?: string;
  title?: string;
}

export interface AdminClient {
  url: string;
  rebuild(body: { projections: string[] } | { all: true }): Promise<RebuildAnswer>;
  status(): Promise<ProjectionView[]>;
}

export function createAdminClient(url: string, key: string): AdminClient {
  const base = url.replace(/\/+$/, '');

  async function call(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        method,
        // The tool writes its own messages in English, so it asks for the service's details in English too.
        headers: {
          authorization: `Bearer ${key}`,
          'accept-language': 'en',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message;
      throw new ReplayError(`cannot reach the service at ${base} (${cause}). Is it running? Start it with \`npm start\`, or pass --url.`, 1, true);
    }
    const text = await response.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new ReplayError(`${base}${path} answered ${response.status} with something that is not JSON: is --url the ledger service?`);
    }
    if (response.ok) return parsed;
    throw refusal(response.status, (parsed ?? {}) as Problem);
  }

  function refusal(status: number, problem: Problem): ReplayError {
    const detail = problem.detail ?? problem.title ?? `HTTP ${status}`;
    switch (problem.code) {
      case 'unknown-projection':
        return new ReplayError(detail, 2);
      case 'unauthenticated':
        return new ReplayError(`the service refused the key (${detail}). Set ADMIN_API_KEY to an admin key, or run where DATA_DIR holds admin-api-key.`);
      case 'forbidden':
        return new ReplayError(`the key is not an admin key (${detail}).`);
      case 'route-not-found':
        return new ReplayError(
          `${base} has no /admin/projections route. A ROLE=projector process serves no API: with Redis read models, stop it and use --direct.`,
        );
      default:
        return new ReplayError(`${detail} (HTTP ${status}${problem.code ? `, ${problem.code}` : ''})`);
    }
  }

  return {
    url: base,
    rebuild: async (body) => (await call('POST', '/admin/projections/rebuild', body)) as RebuildAnswer,
    status: async () => ((await call('GET', '/admin/projections')) as { projections: ProjectionView[] }).projections,
  };
}
