import { type DomainErrorCode, type DomainFieldProblem } from '../errors.ts';
import { cityOf, divisionProblem, OFFICE_CODES } from '../shared/divisions.ts';

export const ROLES = ['admin', 'editor', 'viewer', 'auditor'] as const;
export type Role = (typeof ROLES)[number];

export const KEY_NAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** What an API key is issued for: its name, its role, and for an editor the offices it writes for. */
export interface KeySpec {
  name: string;
  role: Role;
  offices?: readonly string[] | undefined;
}

const OFFICES: ReadonlySet<string> = new Set(OFFICE_CODES);

function officeProblem(code: string): string | undefined {
  if (OFFICES.has(code)) return undefined;
  const division = divisionProblem(code);
  if (division !== undefined) return division;
  return `${code} is a county or institution; scope the key to its city office ${cityOf(code) ?? ''}`.trimEnd();
}

const problem = (path: DomainFieldProblem['path'], code: DomainErrorCode, message: string): DomainFieldProblem => ({ path, code, message });

/** Everything wrong with a request for a new key, by field. */
export function keySpecProblems(spec: { name: string; role: string; offices?: readonly string[] | undefined }): DomainFieldProblem[] {
  const problems: DomainFieldProblem[] = [];
  const offices = spec.offices ?? [];
  if (!KEY_NAME.test(spec.name)) {
    problems.push(
      problem(['name'], 'key-name-invalid', '2 to 63 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit'),
    );
  }
  if (!(ROLES as readonly string[]).includes(spec.role)) {
    problems.push(problem(['role'], 'role-invalid', `must be one of ${ROLES.join(', ')}`));
  }
  if (spec.role === 'editor' && offices.length === 0) {
    problems.push(
      problem(['offices'], 'editor-needs-office', 'an editor key needs at least one office (370000 or a city code such as 370200)'),
    );
  }
  if (spec.role !== 'editor' && offices.length > 0) {
    // Offices scope writes; on any other role they would suggest a limit that is not enforced.
    problems.push(problem(['offices'], 'offices-only-for-editors', `a ${spec.role} key has no offices`));
  }
  offices.forEach((office, index) => {
    const message = officeProblem(office);
    if (message !== undefined) problems.push(problem(['offices', index], 'office-invalid', message));
  });
  return problems;
}
