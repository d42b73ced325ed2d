/**
 * `keys add | list | revoke`: the argument handling of the key CLI, apart
 * from opening the store, so it can run against any key store.
 */
import { parseArgs } from 'node:util';
import type { KeyStore } from '../auth/key-store.ts';
import { ROLES, type KeyRecord, type Role } from '../../commands/api-keys/index.ts';
import { DomainError } from '../../commands/errors.ts';

export const USAGE = `Usage: npm run keys -- <command>

Commands:
  add <name> --role <role> [--office <code>]...  issue a key and print it (only the key, on stdout)
  list                                           list the keys that are not revoked
  revoke <name> [--reason <text>] [--force]      revoke a key (--force: even the last active admin key)

Roles: admin, editor, viewer, auditor. An editor needs at least one --office:
370000 (province-level records) or a prefecture city such as 370200 (the city
and every county and institution under it).

In scripts, use \`npm run --silent keys -- add …\` so that npm's own banner
does not precede the key on stdout.

The event store is the one the server uses: DATA_DIR, EVENT_STORE and
ESDB_CONNECTION_STRING as in the environment.
`;

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

function table(records: KeyRecord[]): string {
  const header = ['NAME', 'ROLE', 'OFFICES', 'PREFIX', 'ISSUED', 'BY'];
  const rows = records.map((r) => [r.name, r.role, r.offices.join(',') || '-', r.prefix ?? '-', r.issuedAt, r.issuedBy]);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)));
  return [header, ...rows].map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

/** Runs one command; returns the process exit code (0 done, 1 refused, 2 bad usage). */
export async function runKeysCommand(argv: string[], keyStore: KeyStore, actor: string, io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        role: { type: 'string' },
        office: { type: 'string', multiple: true },
        reason: { type: 'string' },
        force: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    });
    const [command, name, ...extra] = positionals;
    if (values.help) {
      io.out(USAGE);
      return 0;
    }
    if (extra.length > 0) throw new UsageError(`unexpected arguments: ${extra.join(' ')}`);

    switch (command) {
      case 'add': {
        if (name === undefined) throw new UsageError('add needs a key name');
        const role = values.role;
        if (role === undefined || !isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
        const { key, record } = await keyStore.issue({ name, role, offices: values.office ?? [] }, actor);
        // Only the key on stdout, so that scripts can capture it.
        io.out(`${key}\n`);
        const scope = record.offices.length > 0 ? ` for ${record.offices.join(', ')}` : '';
        io.err(`Issued ${record.role} key "${record.name}"${scope}. It is not shown again: store it now.\n`);
        return 0;
      }
      case 'list': {
        if (name !== undefined) throw new UsageError('list takes no arguments');
        const records = await keyStore.list();
        io.out(records.length > 0 ? `${table(records)}\n` : 'No keys.\n');
        return 0;
      }
      case 'revoke': {
        if (name === undefined) throw new UsageError('revoke needs a key name');
        await keyStore.revoke(name, actor, {
          ...(values.reason !== undefined ? { reason: values.reason } : {}),
          ...(values.force ? { force: true } : {}),
        });
        io.err(`Revoked key "${name}".\n`);
        return 0;
      }
      default:
        throw new UsageError(command === undefined ? 'no command given' : `unknown command ${command}`);
    }
  } catch (error) {
    if (error instanceof DomainError) {
      io.err(`${error.message}\n`);
      return 1;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${(error as Error).message}\n\n${USAGE}`);
      return 2;
    }
    throw error;
  }
}
