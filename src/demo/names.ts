import { countryNameEn } from '../../commands/shared/partner-countries.ts';
import { PLACES } from './places.ts';
import type { Random } from './random.ts';

/**
 * Hands out partner place names per country without repeats, in a seeded
 * order. When a country's list runs out it falls back to a plainly labelled
 * name rather than inventing a place.
 */
export class NamePool {
  private readonly cities = new Map<string, string[]>();
  private readonly regions = new Map<string, string[]>();
  private readonly fallbacks = new Map<string, number>();

  constructor(private readonly rnd: Random) {}

  get fallbackCount(): number {
    return [...this.fallbacks.values()].reduce((sum, n) => sum + n, 0);
  }

  hasRegion(country: string): boolean {
    return this.list(this.regions, country, 'regions').length > 0;
  }

  city(country: string): string {
    return this.list(this.cities, country, 'cities').shift() ?? this.fallback(country);
  }

  region(country: string): string {
    return this.list(this.regions, country, 'regions').shift() ?? this.fallback(country);
  }

  private list(cache: Map<string, string[]>, country: string, which: 'cities' | 'regions'): string[] {
    let names = cache.get(country);
    if (names === undefined) {
      names = this.rnd.fork(`${which}/${country}`).shuffle(PLACES[country]?.[which] ?? []);
      cache.set(country, names);
    }
    return names;
  }

  private fallback(country: string): string {
    const n = (this.fallbacks.get(country) ?? 0) + 1;
    this.fallbacks.set(country, n);
    return `Partner city ${n} (${countryNameEn(country)})`;
  }
}
