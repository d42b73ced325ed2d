import { describeStop } from './child-process.ts';
import type { Table } from './report.ts';
import { type RunningService, type ServiceOptions, startService } from './service-process.ts';

/**
 * Starts the service, runs `work` against it and stops it, recording one row
 * of the process table: spawn to ready, peak and final RSS, shutdown time.
 * The service is stopped even when the work fails.
 */
export async function withService<T>(name: string, options: ServiceOptions, table: Table, work: (service: RunningService) => Promise<T>): Promise<T> {
  const service = await startService(options);
  console.log(`  ${name}: ready in ${(service.startToReadyMs / 1000).toFixed(2)} s at ${service.url}`);
  const row = { case: name, readySec: service.startToReadyMs / 1000, peakRssMb: null as number | null, rssMb: null as number | null, shutdownSec: null as number | null };
  table.rows.push(row);
  try {
    return await work(service);
  } finally {
    const memory = await service.memory();
    row.peakRssMb = memory.peakRssMb;
    row.rssMb = memory.rssMb;
    const stopped = await service.stop();
    row.shutdownSec = stopped.ms / 1000;
    row.case = `${name}${describeStop(stopped)}`;
  }
}
