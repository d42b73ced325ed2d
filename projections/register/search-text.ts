import type { Partnership } from '../../commands/partnership/index.ts';
import { foldText } from '../../commands/shared/text.ts';
import { countryView } from '../shared/country-views.ts';

export { foldText };

/** Every name of both sides and of the partner country, folded, one string to search. */
export function searchText(state: Partnership): string {
  const { partner, local } = state;
  const country = countryView(partner.country);
  return [partner.nameEn, partner.nameZh, partner.nameNative, local.nameEn, local.nameZh, local.institution, country.nameEn, country.nameZh]
    .filter((name): name is string => typeof name === 'string')
    .map(foldText)
    .join('\u0000');
}
