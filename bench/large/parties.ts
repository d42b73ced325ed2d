import type { PartnershipKind } from '../../commands/partnership/index.ts';
import { CITY_WEIGHTS, COUNTIES, citySide, countySide, INSTITUTION_PAIRS, institutionSide, provinceSide } from '../../src/demo/local-sides.ts';
import { PLACES } from '../../src/demo/places.ts';
import type { Random } from '../../src/demo/random.ts';
import type { Parties } from '../../src/demo/timeline.ts';

const KINDS: readonly (readonly [PartnershipKind, number])[] = [
  ['sister', 52],
  ['friendly_cooperation', 43],
  ['institutional', 5],
];

/** Countries weighted by how many of their places the demo lists: Korea and Japan lead, as in the office's register. */
const COUNTRIES: readonly (readonly [string, number])[] = Object.entries(PLACES).map(([code, places]) => [code, places.cities.length]);
const REGION_COUNTRIES = Object.entries(PLACES).filter(([, places]) => (places.regions?.length ?? 0) > 0);

const NOTES = 'Benchmark data: a generated partnership between real places.';

/**
 * Who a generated partnership is between, drawn from the demo's place lists:
 * the 16 cities of Shandong (weighted as the demo weights them), some
 * counties and the province itself, and partners in every country the demo
 * knows. Names repeat across partnerships; nothing requires them to be unique.
 */
export function drawParties(rnd: Random): Parties {
  const kind = rnd.weighted(KINDS);
  if (kind === 'institutional') {
    const pair = rnd.pick(INSTITUTION_PAIRS);
    return {
      kind,
      local: institutionSide(pair.divisionCode, pair.local),
      partner: { nameEn: pair.partner, country: pair.country, level: 'institution' },
      notes: NOTES,
    };
  }
  const roll = rnd.next();
  if (roll < 0.05) {
    const [country, places] = rnd.pick(REGION_COUNTRIES);
    const nameEn = rnd.pick(places.regions ?? []);
    return { kind, local: provinceSide(), partner: { nameEn, country, level: 'province' }, notes: NOTES };
  }
  const local = roll < 0.17 ? countySide(rnd.pick(COUNTIES)) : citySide(rnd.weighted(CITY_WEIGHTS));
  const country = rnd.weighted(COUNTRIES);
  const nameEn = rnd.pick(PLACES[country]?.cities ?? []);
  return { kind, local, partner: { nameEn, country, level: 'city' }, notes: NOTES };
}
