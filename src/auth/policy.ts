/**
 * Who may do what. Roles grant access levels that routes declare in their
 * config; editors are further limited to the divisions of their offices,
 * which only the command layer can check, once it knows the target.
 */
import { cityOf, PROVINCE_CODE } from '../../commands/shared/divisions.ts';
import type { Role } from '../../commands/api-keys/index.ts';

export type Access = 'read' | 'write' | 'audit' | 'admin';

/** The authenticated caller, as the routes and command layer see it. */
export interface Principal {
  /** The key's name; it becomes the actor in event metadata. */
  name: string;
  role: Role;
  offices: readonly string[];
}

const GRANTS: Record<Role, ReadonlySet<Access>> = {
  admin: new Set(['read', 'write', 'audit', 'admin']),
  // Editors read everything and write within their offices. The audit trail
  // (histories, the global log, chain verification) is for auditors and admins:
  // who reads it should not be who writes what it records.
  editor: new Set(['read', 'write']),
  auditor: new Set(['read', 'audit']),
  viewer: new Set(['read']),
};

export function allows(role: Role, access: Access): boolean {
  return GRANTS[role].has(access);
}

/**
 * The editor's office that covers a division: the division itself, or the
 * prefecture city it lies in. The province office 370000 covers only
 * province-level records, not every county in Shandong.
 */
export function coveringOffice(principal: Pick<Principal, 'offices'>, divisionCode: string): string | undefined {
  if (principal.offices.includes(divisionCode)) return divisionCode;
  const city = cityOf(divisionCode);
  return city !== undefined && principal.offices.includes(city) ? city : undefined;
}

/**
 * Whether the caller may plan work serving partnerships of these divisions:
 * each within its offices, or any of them for the province office, which
 * plans the projects serving several offices' partnerships.
 */
export function canServe(principal: Pick<Principal, 'role' | 'offices'>, divisionCodes: readonly string[]): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'editor') return false;
  return principal.offices.includes(PROVINCE_CODE) || divisionCodes.every((code) => coveringOffice(principal, code) !== undefined);
}

/** Whether the caller may change a record owned by this division (a partnership's local side, a project's lead office). */
export function canWriteFor(principal: Pick<Principal, 'role' | 'offices'>, divisionCode: string): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'editor') return false;
  return coveringOffice(principal, divisionCode) !== undefined;
}
