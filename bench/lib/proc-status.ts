import { readFile } from 'node:fs/promises';

export interface Memory {
  /** Peak resident set size (VmHWM), in MB. */
  peakRssMb: number | null;
  /** Current resident set size (VmRSS), in MB. */
  rssMb: number | null;
}

/** Reads VmHWM and VmRSS (kB) out of a /proc/<pid>/status text. */
export function parseProcStatus(text: string): Memory {
  const kb = (field: string) => {
    const match = new RegExp(`^${field}:\\s+(\\d+)\\s+kB`, 'm').exec(text);
    return match ? Number(match[1]) / 1024 : null;
  };
  return { peakRssMb: kb('VmHWM'), rssMb: kb('VmRSS') };
}

/** The memory of a running process; nulls where /proc is not available (not Linux) or the process is gone. */
export async function readMemory(pid: number): Promise<Memory> {
  try {
    return parseProcStatus(await readFile(`/proc/${pid}/status`, 'utf8'));
  } catch {
    return { peakRssMb: null, rssMb: null };
  }
}
