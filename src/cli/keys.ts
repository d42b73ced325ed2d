/**
 * Entry point of `npm run keys`: opens the configured event store, runs one
 * key command as `cli:<os user>`, closes the store.
 */
import { userInfo } from 'node:os';
import { createKeyStore } from '../auth/key-store.ts';
import { openEventStore } from '../event-store/open.ts';
import { runKeysCommand } from './keys-command.ts';
import { configFromEnv, processIo as io } from './process-io.ts';

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    // Containers often run as a uid without a passwd entry.
    return `uid-${process.getuid?.() ?? 'unknown'}`;
  }
}

async function main(): Promise<number> {
  const config = configFromEnv(io);
  if (!config) return 2;
  const store = await openEventStore(config.eventStore);
  try {
    return await runKeysCommand(process.argv.slice(2), createKeyStore(store), `cli:${osUser()}`, io);
  } finally {
    await store.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  io.err(`keys: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
