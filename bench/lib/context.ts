import type { LoadSettings } from './load.ts';

/** What every suite is given by the entry point. */
export interface SuiteContext {
  load: LoadSettings;
  /** A temporary directory of this run, removed at the end: data dirs, logs, bodies. */
  workDir: string;
  /** For the large suite: where to keep (and find) the generated store. */
  keepDir?: string;
  /** For the commands suite: only this durability (both when unset). */
  durability?: 'full' | 'normal';
  /** Redis for the large suite's Redis read models. */
  redisUrl: string;
}
