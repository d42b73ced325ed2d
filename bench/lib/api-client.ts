/** Plain fetch calls to a running service with its admin key, for setting up a measurement. */

export interface Answer {
  status: number;
  text: string;
  json(): unknown;
}

export interface ApiClient {
  get(path: string): Promise<Answer>;
  post(path: string, body: unknown, headers?: Record<string, string>): Promise<Answer>;
  /** POST that must answer 2xx; throws with the problem otherwise. */
  write(path: string, body: unknown, headers?: Record<string, string>): Promise<{ id: string; revision: number; position: string }>;
}

export function apiClient(url: string, key: string): ApiClient {
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      signal: AbortSignal.timeout(60_000),
    });
    const text = await response.text();
    return { status: response.status, text, json: () => JSON.parse(text) as unknown };
  };
  const client: ApiClient = {
    get: (path) => call('GET', path),
    post: (path, body, headers) => call('POST', path, body, headers),
    async write(path, body, headers) {
      const answer = await call('POST', path, body, headers);
      if (answer.status < 200 || answer.status > 299) throw new Error(`POST ${path} answered ${answer.status}: ${answer.text.slice(0, 300)}`);
      return answer.json() as { id: string; revision: number; position: string };
    },
  };
  return client;
}
