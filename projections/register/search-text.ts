import type { Partnership } from '../../commands/partnership/index.ts';
import { countryView } from '../shared/country-views.ts';

/**
 * Text as the register's search compares it: case, accents, punctuation and
 * spacing do not matter, so "Sao Paulo", "São Paulo" and "são-paulo" are one.
 * Chinese has none of these and is kept as it is.
 */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase('en')
    .replace(/[\p{P}\p{S}\s]/gu, '');
}

/** Every name of both sides and of the partner country, folded, one string to search. */
export function searchText(state: Partnership): string {
  const { partner, local } = state;
  const country = countryView(partner.country);
  return [partner.nameEn, partner.nameZh, partner.nameNative, local.nameEn, local.nameZh, local.institution, country.nameEn, country.nameZh]
    .filter((name): name is string => typeof name === 'string')
    .map(foldText)
    .join('\u0000');
}
