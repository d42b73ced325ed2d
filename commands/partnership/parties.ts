import { z } from 'zod';
import { DomainError, issueCode } from '../errors.ts';
import { partnerCountryProblem } from '../shared/partner-countries.ts';
import { type Division, resolveDivision } from '../shared/divisions.ts';
import { divisionCode, text } from '../shared/schemas.ts';
import { type LocalLevel, PARTNER_LEVELS } from './vocabulary.ts';

/** Comparable forms of a place name, so "Jinan City", "jinan" and "济南" all match 济南市. */
const comparableEn = (name: string) =>
  name.toLowerCase().replace(/[^a-z0-9]/g, '').replace(/(city|province|shi|sheng)$/, '');
const comparableZh = (name: string) => name.replace(/\s/g, '').replace(/[市省]$/, '');

export const LocalSideBody = z
  .strictObject({
    divisionCode: divisionCode(),
    nameEn: text(200).describe('Required (with or instead of nameZh) for a county or district').optional(),
    nameZh: text(200).optional(),
    institution: text(200).describe('A port, university or other body under the division').optional(),
  })
  .superRefine((local, ctx) => {
    const division = resolveDivision(local.divisionCode);
    if (division === undefined) return;
    if (division.level === 'county') {
      if (local.nameEn === undefined && local.nameZh === undefined) {
        const message = `${local.divisionCode} is a county or district: give its nameEn or nameZh`;
        ctx.addIssue({ code: 'custom', message, path: ['nameEn'], params: issueCode('local-name-required') });
      }
      return;
    }
    // Names of the province and cities come from reference data; a differing name means a wrong code.
    const mismatch = (field: 'nameEn' | 'nameZh', given: string) => {
      const message = `${local.divisionCode} is ${division.nameEn} (${division.nameZh}), not "${given}"`;
      ctx.addIssue({ code: 'custom', message, path: [field], params: issueCode('division-name-mismatch') });
    };
    if (local.nameEn !== undefined && comparableEn(local.nameEn) !== comparableEn(division.nameEn ?? '')) {
      mismatch('nameEn', local.nameEn);
    }
    if (local.nameZh !== undefined && comparableZh(local.nameZh) !== comparableZh(division.nameZh ?? '')) {
      mismatch('nameZh', local.nameZh);
    }
  })
  .meta({
    id: 'LocalSide',
    description: 'The Shandong side. Province and city names are filled from reference data; county names are given.',
  });

export const PartnerSideBody = z
  .strictObject({
    nameZh: text(200).describe('The partner’s standard Chinese name, e.g. 达喀尔; this or nameEn, ideally both').optional(),
    nameEn: text(200).describe('The partner’s English name; this or nameZh, ideally both').optional(),
    nameNative: text(200).optional(),
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, { message: 'an upper-case ISO 3166-1 alpha-2 code, e.g. SN', abort: true })
      .superRefine((country, ctx) => {
        const problem = partnerCountryProblem(country);
        if (problem === undefined) return;
        ctx.addIssue({ code: 'custom', message: problem.message, params: { code: problem.code } });
      })
      .describe('ISO 3166-1 alpha-2, upper case, of a state with which the PRC has diplomatic relations'),
    level: z.enum(PARTNER_LEVELS),
  })
  .superRefine((partner, ctx) => {
    if (partner.nameZh !== undefined || partner.nameEn !== undefined) return;
    const message = 'the partner needs a name: give nameZh or nameEn (both where known)';
    ctx.addIssue({ code: 'custom', message, path: ['nameZh'], params: issueCode('partner-name-required') });
  })
  .meta({ id: 'PartnerSide', description: 'The foreign side of the relationship' });

export type LocalSideInput = z.infer<typeof LocalSideBody>;

/** The partner's name in text written in English: its English name, else its Chinese one (every partner has one of them). */
export function partnerNameEn(partner: { nameEn?: string | undefined; nameZh?: string | undefined }): string {
  return partner.nameEn ?? partner.nameZh ?? '';
}
export type PartnerSide = z.infer<typeof PartnerSideBody>;

/** The local side as recorded in events: the division resolved against reference data. */
export interface LocalSide {
  divisionCode: string;
  /** The prefecture city answering for this partnership (370000 for the province). */
  cityCode: string;
  level: LocalLevel;
  nameEn?: string;
  nameZh?: string;
  institution?: string;
}

/**
 * Resolves the local side. The schema has already checked all of this for
 * HTTP callers; the decider checks again because other callers (CLI, imports)
 * may build commands without the schema.
 */
export function resolveLocalSide(input: LocalSideInput): LocalSide {
  const division: Division | undefined = resolveDivision(input.divisionCode);
  if (division === undefined) {
    const message = `${input.divisionCode} is not a Shandong division code`;
    throw new DomainError('division-invalid', message, ['local', 'divisionCode'], { values: { code: input.divisionCode } });
  }
  const county = division.level === 'county';
  if (county && input.nameEn === undefined && input.nameZh === undefined) {
    const message = `${input.divisionCode} is a county or district: give its nameEn or nameZh`;
    throw new DomainError('local-name-required', message, ['local', 'nameEn'], { values: { code: input.divisionCode } });
  }
  return {
    divisionCode: division.code,
    cityCode: division.cityCode,
    level: input.institution === undefined ? division.level : 'institution',
    nameEn: county ? input.nameEn : division.nameEn,
    nameZh: county ? input.nameZh : division.nameZh,
    institution: input.institution,
  };
}

/** Re-checks the partner country for callers that bypass the schema. */
export function checkPartnerSide(partner: PartnerSide): PartnerSide {
  const problem = partnerCountryProblem(partner.country);
  if (problem !== undefined) throw new DomainError(problem.code, problem.message, ['partner', 'country']);
  return partner;
}
