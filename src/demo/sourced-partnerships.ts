import { z } from 'zod';
import { csvTable, parseCsvTable, partnerCountry } from './data-files.ts';

/**
 * Sixty-five real, publicly sourced partnerships of Shandong and its cities
 * (`data/shandong-partnerships.csv`): one row per tie, every field of the
 * source table kept. The caveats that come with the data are in
 * `data/README.md`; how the rows enter the demo is `real.ts`.
 */

export const PARTNERSHIP_SOURCE_TYPES = [
  'sister_province',
  'sister_city',
  'friendly_cooperation',
  'letter_of_intent',
  'memorandum_of_understanding',
  'port_partnership',
  'unspecified',
] as const;
export type PartnershipSourceType = (typeof PARTNERSHIP_SOURCE_TYPES)[number];

/** Levels as the sources name them; richer than the ledger's partner levels. */
export const PARTNERSHIP_SOURCE_LEVELS = [
  'city',
  'county',
  'district',
  'metropolitan_city',
  'oblast',
  'port',
  'prefecture',
  'province',
  'region',
  'republic',
  'state',
  'town',
] as const;
export type PartnershipSourceLevel = (typeof PARTNERSHIP_SOURCE_LEVELS)[number];

export interface ShandongPartnershipRecord {
  /** The Shandong side as the source names it, e.g. "Qingdao Port (Shandong Port Group)". */
  shandongSide: string;
  shandongSideZh: string;
  partner: string;
  partnerCountryIso2: string;
  partnerLevel: PartnershipSourceLevel;
  relationshipType: PartnershipSourceType;
  /** Year the tie was established; null when no source dates it. */
  year: number | null;
  /** The public page the row rests on. */
  source: string;
}

const FILE = 'shandong-partnerships.csv';

const field = () => z.string().min(1, 'must not be empty');

const Row = z
  .strictObject({
    shandong_side: field(),
    shandong_side_zh: field(),
    partner: field(),
    partner_country_iso2: partnerCountry,
    partner_level: z.enum(PARTNERSHIP_SOURCE_LEVELS),
    relationship_type: z.enum(PARTNERSHIP_SOURCE_TYPES),
    year: z
      .string()
      .regex(/^(\d{4})?$/, 'a four-digit year, or empty where no source dates the tie')
      .transform((text) => (text === '' ? null : Number(text))),
    source: z.url({ protocol: /^https?$/, error: 'an http(s) address' }),
  })
  .transform(
    (row): ShandongPartnershipRecord => ({
      shandongSide: row.shandong_side,
      shandongSideZh: row.shandong_side_zh,
      partner: row.partner,
      partnerCountryIso2: row.partner_country_iso2,
      partnerLevel: row.partner_level,
      relationshipType: row.relationship_type,
      year: row.year,
      source: row.source,
    }),
  );

/** The rows of a text in the file's format; throws a `DemoDataError` naming the row and field of bad data. */
export const parseShandongPartnerships = (text: string): ShandongPartnershipRecord[] => parseCsvTable(FILE, text, Row);

export const SHANDONG_PARTNERSHIPS: readonly ShandongPartnershipRecord[] = csvTable(FILE, Row);
