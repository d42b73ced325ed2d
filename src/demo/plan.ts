import { z } from 'zod';
import { explained, jsonTable, partnerCountry } from './data-files.ts';
import { type Stage, STAGES } from './timeline.ts';

/**
 * How many relationships the demo has per partner country, chosen so the
 * figures published on 7 December 2021 come out exactly (DESIGN §1), with the
 * reasons in `data/plan.json`. The tables include the sourced partnerships;
 * the synthetic ones fill the rest. Their order is the order the generator
 * draws in, so reordering a table changes the dataset.
 */

const count = () => z.int().min(1);
const byCountry = <T extends z.ZodType>(value: T) => z.record(partnerCountry, value);

const SignedGroup = z
  .strictObject({ group: z.string().min(1), pairs: z.int(), byCountry: byCountry(count()) })
  .refine((group) => Object.values(group.byCountry).reduce((sum, n) => sum + n, 0) === group.pairs, {
    path: ['pairs'],
    message: "not the sum of the group's countries",
  });

const SignedGroups = z
  .array(SignedGroup)
  .min(1)
  .superRefine((groups, ctx) => {
    const seen = new Set<string>();
    groups.forEach((group, index) => {
      for (const country of Object.keys(group.byCountry)) {
        if (seen.has(country)) ctx.addIssue({ code: 'custom', path: [index, 'byCountry', country], message: 'in an earlier group too' });
        seen.add(country);
      }
    });
  });

const Plan = z.strictObject({
  targets: explained({
    signed: count(),
    countries: count(),
    briPairs: count(),
    briCountries: count(),
    rcepPairs: count(),
    rcepCountries: count(),
    signedIn2021: count(),
    pipeline: count(),
    plannedProjects: count(),
  }),
  signed: explained({ groups: SignedGroups }),
  /** One synthetic relationship signed in 2021 in each. */
  signedIn2021: z.array(partnerCountry),
  pipeline: explained({ byCountry: byCountry(count()), byStage: z.array(z.tuple([z.enum(STAGES), count()])) }),
  provincePartners: z.strictObject({ signed: z.array(partnerCountry), pipeline: z.array(partnerCountry) }),
  projects: explained({ byStatus: z.strictObject({ started: count(), completed: count(), cancelled: count() }) }),
  earliestYear: explained({ byCountry: byCountry(z.int().min(1949).max(2021)) }),
});

const PLAN = jsonTable('plan.json', Plan);

export const TARGETS: Readonly<typeof PLAN.targets> = PLAN.targets;

/** Signed relationships per country, every group's in turn. */
export const SIGNED_BY_COUNTRY: Readonly<Record<string, number>> = Object.fromEntries(
  PLAN.signed.groups.flatMap((group) => Object.entries(group.byCountry)),
);

/** Synthetic candidates per country (the ten sourced ones come on top). */
export const PIPELINE_BY_COUNTRY: Readonly<Record<string, number>> = PLAN.pipeline.byCountry;

/** How many synthetic candidates stand at each stage on the demo's day. */
export const PIPELINE_STAGE_COUNTS: readonly (readonly [Stage, number])[] = PLAN.pipeline.byStage;

export const SIGNED_IN_2021_COUNTRIES: readonly string[] = PLAN.signedIn2021;

/** Countries whose first-tier regions partner with the province itself; a country listed twice gives two. */
export const PROVINCE_PARTNERS: { readonly signed: readonly string[]; readonly pipeline: readonly string[] } = PLAN.provincePartners;

/** How many projects stand in each status on the demo's day; the planned ones are the published figure. */
export const PROJECT_COUNTS = { planned: TARGETS.plannedProjects, ...PLAN.projects.byStatus } as const;

/** First year a tie with the country is plausible; 1980 where not listed. */
export const EARLIEST_YEAR: Readonly<Record<string, number>> = PLAN.earliestYear.byCountry;
