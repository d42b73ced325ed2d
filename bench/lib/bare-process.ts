import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnLogged, stopChild, waitForLogLine } from './child-process.ts';
import { PROJECT_ROOT } from './service-process.ts';

export interface BareServer {
  url: string;
  stop(): Promise<unknown>;
}

/** Starts bench/bare-server.ts serving `body` on GET /body; files go into `dir`. */
export async function startBare(dir: string, name: string, body: string): Promise<BareServer> {
  const bodyPath = join(dir, `${name}.body.json`);
  writeFileSync(bodyPath, body);
  const target = spawnLogged(['--import', 'tsx', join(PROJECT_ROOT, 'bench/bare-server.ts'), '--body', bodyPath], {
    env: { ...process.env },
    logPath: join(dir, `${name}.log`),
    cwd: PROJECT_ROOT,
  });
  try {
    const match = await waitForLogLine(target, /Server listening at (http:\/\/127\.0\.0\.1:\d+)/, 60_000);
    return { url: match[1] as string, stop: () => stopChild(target) };
  } catch (error) {
    await stopChild(target);
    throw error;
  }
}
