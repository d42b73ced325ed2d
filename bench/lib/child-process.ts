import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * A child process whose output goes straight to a log file: the harness
 * never parses a busy server's request log while it measures, and the file
 * is there to read when something goes wrong.
 */
export interface LoggedChild {
  child: ChildProcess;
  pid: number;
  logPath: string;
  spawnedAt: number;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  isRunning(): boolean;
}

const running = new Set<ChildProcess>();

// A harness that dies (an exception, Ctrl-C) must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    for (const child of running) child.kill('SIGKILL');
    process.exit(130);
  });
}

export function spawnLogged(args: string[], options: { env: NodeJS.ProcessEnv; logPath: string; cwd?: string }): LoggedChild {
  const fd = openSync(options.logPath, 'a');
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, args, { env: options.env, cwd: options.cwd, stdio: ['ignore', fd, fd] });
  closeSync(fd);
  if (child.pid === undefined) throw new Error(`could not start ${args.join(' ')}`);
  running.add(child);
  let alive = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      running.delete(child);
      resolve({ code, signal });
    });
  });
  return { child, pid: child.pid, logPath: options.logPath, spawnedAt, exited, isRunning: () => alive };
}

/** Polls the log until a line matches; fails when the process exits first or the time is up. */
export async function waitForLogLine(target: LoggedChild, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const match = pattern.exec(readFileSync(target.logPath, 'utf8'));
    if (match) return match;
    if (!target.isRunning()) throw new Error(`the process exited before logging ${pattern}; see ${target.logPath}`);
    if (performance.now() > deadline) throw new Error(`no ${pattern} in the log after ${timeoutMs / 1000} s`);
    await sleep(25);
  }
}

/** SIGTERM, then SIGKILL if it has not exited in time. Answers how long the shutdown took. */
export async function stopChild(target: LoggedChild, timeoutMs = 30_000): Promise<{ ms: number; forced: boolean; code: number | null }> {
  const started = performance.now();
  if (!target.isRunning()) return { ms: 0, forced: false, code: (await target.exited).code };
  target.child.kill('SIGTERM');
  const timer = sleep(timeoutMs).then(() => 'timeout' as const);
  const outcome = await Promise.race([target.exited, timer]);
  if (outcome === 'timeout') {
    target.child.kill('SIGKILL');
    await target.exited;
    return { ms: performance.now() - started, forced: true, code: null };
  }
  return { ms: performance.now() - started, forced: false, code: outcome.code };
}

/** How a stop went, for a table: nothing when the process exited 0 by itself. */
export function describeStop(stopped: { forced: boolean; code: number | null }): string {
  if (stopped.forced) return ' (killed: no exit 30 s after SIGTERM)';
  return stopped.code === 0 ? '' : ` (exit code ${stopped.code})`;
}

/** The last lines of a log, for an error message. */
export function logTail(logPath: string, lines = 5): string {
  try {
    return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}
