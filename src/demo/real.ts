import { z } from 'zod';
import {
  LocalSideBody,
  type LocalSideInput,
  PARTNERSHIP_KINDS,
  type PartnerLevel,
  type PartnershipKind,
} from '../../commands/partnership/index.ts';
import { DemoDataError, jsonTable, why } from './data-files.ts';
import {
  type PartnershipSourceLevel,
  type PartnershipSourceType,
  SHANDONG_PARTNERSHIPS,
  type ShandongPartnershipRecord,
} from './sourced-partnerships.ts';

/**
 * How the 65 sourced partnerships enter the demo. The judgement calls for
 * single rows are data, each with its reason, in `data/sourced-in-demo.json`;
 * the rules for every row are here. The source rows stay untouched in
 * `data/shandong-partnerships.csv`.
 */

const PIPELINE_STAGES = ['candidate', 'in_contact', 'intent_signed', 'under_review'] as const;
/** Where a tie signed after 2021 (or only a letter of intent) stood on the demo's day. */
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

export interface RealPartnership {
  record: ShandongPartnershipRecord;
  local: LocalSideInput;
  partner: { nameEn: string; nameZh: string; country: string; level: PartnerLevel };
  kind: PartnershipKind;
  /** The year signed, for ties signed up to 2021. */
  signedYear?: number;
  /** For ties signed later: their state on the demo's day. */
  stage?: PipelineStage;
  /** Signed as friendly_cooperation, upgraded to sister in `signedYear`'s stead. */
  upgrade?: { signedYear: number; upgradedYear: number };
  /** Why a year or kind was chosen where the source is silent or ambiguous. */
  judgements: string[];
}

const LAST_YEAR = 2021;

/** A Shandong side as the ledger records it; `why` says why where it differs from the source's name. */
const LocalSide = z
  .strictObject({ ...LocalSideBody.shape, why: why().optional() })
  .transform(({ why: _reason, ...side }) => side)
  .pipe(LocalSideBody);

/** What the demo decides about one sourced row, where the source leaves it open. */
const Judged = z.strictObject({
  /** Where the source's name carries a disambiguating note. */
  nameEn: z.string().min(1).optional(),
  nameZh: z.string().min(1),
  /** A year for a row no source dates; none later than 2021. */
  undated: z.strictObject({ year: z.int().min(1949).max(LAST_YEAR), why: why() }).optional(),
  /** For ties signed after 2021 or only by a letter of intent: where they stood at its end. */
  stage: z.enum(PIPELINE_STAGES).optional(),
  /** The kind where the source leaves it unspecified and the rule in `kindOf` does not fit. */
  kind: z.strictObject({ as: z.enum(PARTNERSHIP_KINDS), why: why() }).optional(),
  /** First signed as friendly cooperation in `signedYear`; the row's year is its upgrade to sister. */
  upgrade: z.strictObject({ signedYear: z.int().min(1949), why: why() }).optional(),
});
type Judged = z.output<typeof Judged>;

const Judgements = z
  .strictObject({
    /** By the source's name of the Shandong side. */
    localSides: z.record(z.string(), LocalSide),
    /** By the source's partner name. */
    partners: z.record(z.string(), Judged),
  })
  .superRefine(({ partners }, ctx) => {
    for (const name of Object.keys(partners)) {
      if (SHANDONG_PARTNERSHIPS.some((row) => row.partner === name)) continue;
      ctx.addIssue({ code: 'custom', path: ['partners', name], message: 'no sourced row has this partner' });
    }
  });

const JUDGEMENTS = jsonTable('sourced-in-demo.json', Judgements);

/**
 * The ledger's partner levels are coarser than the sources'. Oblasts,
 * republics and regions are first-tier regions; Korean metropolitan cities
 * are recorded as cities although they rank with provinces at home; a
 * Japanese town is a municipality like a city; ports are institutions.
 */
const LEVELS: Readonly<Record<PartnershipSourceLevel, PartnerLevel>> = {
  prefecture: 'prefecture',
  state: 'state',
  province: 'province',
  oblast: 'region',
  republic: 'region',
  region: 'region',
  metropolitan_city: 'city',
  city: 'city',
  town: 'city',
  district: 'district',
  county: 'county',
  port: 'institution',
};

/**
 * Kinds where the source does not name a formal sister tie. Undated-kind
 * province ties from before 2002 are recorded as sister (友好省州 was then
 * the usual form, as Bavaria and the prefectures show); later ones as
 * friendly cooperation, the form Jeollabuk-do's 2006 tie explicitly took,
 * unless a row's judgement says otherwise. Twinning MoUs and "friendship and
 * cooperation" agreements are friendly cooperation.
 */
function kindOf(record: ShandongPartnershipRecord, judged: Judged, year: number): PartnershipKind {
  switch (record.relationshipType) {
    case 'sister_province':
    case 'sister_city':
      return 'sister';
    case 'port_partnership':
      return 'institutional';
    case 'friendly_cooperation':
    case 'memorandum_of_understanding':
    case 'letter_of_intent':
      return 'friendly_cooperation';
    case 'unspecified':
      return judged.kind?.as ?? (year < 2002 ? 'sister' : 'friendly_cooperation');
  }
}

/** Source types that name the ledger's kind outright. */
const KIND_STATED: ReadonlySet<PartnershipSourceType> = new Set([
  'sister_province',
  'sister_city',
  'friendly_cooperation',
  'port_partnership',
]);

const problem = (record: ShandongPartnershipRecord, message: string) =>
  new DemoDataError(`sourced-in-demo.json, partner "${record.partner}": ${message}`);

function toDemo(record: ShandongPartnershipRecord): RealPartnership {
  const local = JUDGEMENTS.localSides[record.shandongSide];
  if (local === undefined) throw problem(record, `no local side for "${record.shandongSide}"`);
  const judged = JUDGEMENTS.partners[record.partner];
  if (judged === undefined) throw problem(record, 'no entry for this sourced row');
  if (judged.kind !== undefined && record.relationshipType !== 'unspecified') {
    throw problem(record, `the source already names the kind (${record.relationshipType})`);
  }
  const partner = {
    nameEn: judged.nameEn ?? record.partner,
    nameZh: judged.nameZh,
    country: record.partnerCountryIso2,
    level: LEVELS[record.partnerLevel],
  };
  const undated = record.year === null ? judged.undated : undefined;
  const year = record.year ?? undated?.year;
  if (year === undefined) throw problem(record, 'the source gives no year and no undated year is chosen');
  const kind = kindOf(record, judged, year);
  const judgements = [
    ...(undated !== undefined ? [`Year ${year}: ${undated.why}.`] : []),
    ...(KIND_STATED.has(record.relationshipType) ? [] : [`Source kind "${record.relationshipType}" recorded as ${kind}.`]),
  ];
  const base = { record, local, partner, kind, judgements };

  if (record.relationshipType === 'letter_of_intent' || year > LAST_YEAR) {
    if (judged.stage === undefined) throw problem(record, 'no stage on the demo\'s day for a tie signed later');
    return { ...base, stage: judged.stage };
  }
  if (judged.upgrade !== undefined) {
    const { signedYear } = judged.upgrade;
    return { ...base, kind: 'friendly_cooperation', signedYear, upgrade: { signedYear, upgradedYear: year } };
  }
  return { ...base, signedYear: year };
}

export const REAL_PARTNERSHIPS: readonly RealPartnership[] = SHANDONG_PARTNERSHIPS.map(toDemo);
