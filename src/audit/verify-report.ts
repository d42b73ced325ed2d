import type { BrokenLink, LogVerification, StreamVerification } from './verify.ts';

export type Verification = ({ scope: 'stream' } & StreamVerification) | ({ scope: 'all' } & LogVerification);

function describe(link: BrokenLink): string {
  return (
    `  ${link.stream} revision ${link.revision}: ${link.kind} — ${link.detail}\n` +
    `    expected ${link.expected}\n` +
    `    found    ${link.found}\n`
  );
}

/** A verification as an auditor reads it on a terminal. */
export function formatVerification(result: Verification, elapsedMs: number): string {
  const seconds = (elapsedMs / 1000).toFixed(1);
  if (result.scope === 'stream') {
    if (result.ok) {
      const head = result.head as { revision: number; hash: string };
      return `OK ${result.stream}: ${result.events} events, chain intact; head revision ${head.revision} ${head.hash}\n`;
    }
    return `BROKEN ${result.stream}\n${describe(result.broken as BrokenLink)}`;
  }
  const summary = `${result.events.toLocaleString('en')} events in ${result.streams.toLocaleString('en')} streams, ${seconds} s`;
  if (result.ok) return `OK every chain intact: ${summary}\nheads digest ${result.headsDigest}\n`;
  const more = result.brokenStreams > result.broken.length ? `  … and ${result.brokenStreams - result.broken.length} more\n` : '';
  return `BROKEN ${result.brokenStreams.toLocaleString('en')} of ${result.streams.toLocaleString('en')} streams (${summary})\n${result.broken.map(describe).join('')}${more}`;
}
