import { z } from 'zod';
import { PARTNER_LEVELS, type PartnerLevel } from '../../commands/partnership/index.ts';
import { jsonTable, partnerCountry } from './data-files.ts';

/**
 * Real place names per partner country, for the synthetic part of the demo
 * (`data/places.json`). The places exist; their ties to Shandong in the demo
 * are invented (every synthetic proposal says so in its notes). Places that
 * have a sourced tie, or share their name with a partner the press
 * conference names, are left out so the demo never invents a second,
 * conflicting one. `regions` are first-tier divisions, partners for the
 * province itself, recorded at `regionLevel`.
 */
export interface CountryPlaces {
  cities: readonly string[];
  regions?: readonly string[];
  regionLevel?: PartnerLevel;
}

const names = () => z.array(z.string().min(1)).min(1);

const Country = z
  .strictObject({ cities: names(), regions: names().optional(), regionLevel: z.enum(PARTNER_LEVELS).optional() })
  .refine((places) => (places.regions === undefined) === (places.regionLevel === undefined), {
    path: ['regionLevel'],
    message: 'give regionLevel exactly when there are regions',
  });

export const PLACES: Readonly<Record<string, CountryPlaces>> = jsonTable('places.json', z.record(partnerCountry, Country));
