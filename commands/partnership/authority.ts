import { PROVINCE_CODE } from '../shared/divisions.ts';
import type { ApprovalLevel, PartnershipKind } from './vocabulary.ts';

/**
 * Who records what on a partnership's file, where it is not simply the
 * owning office. `owner` means the office the local side belongs to.
 */
export type Recorder = typeof PROVINCE_CODE | 'owner';

/**
 * The office that records a decision at each level. The city decides its
 * own level; the provincial foreign-affairs office reviews every city's file
 * and receives the national reply, so it records both of those.
 */
export function decidingOffice(level: ApprovalLevel): Recorder {
  return level === 'city' ? 'owner' : PROVINCE_CODE;
}

/**
 * The office that records the end of a tie: a sister tie was approved up to
 * the national level, so ending it is the province office's act; friendly
 * cooperation and institutional ties are ended by their own office.
 */
export function terminatingOffice(kind: PartnershipKind): Recorder {
  return kind === 'sister' ? PROVINCE_CODE : 'owner';
}
