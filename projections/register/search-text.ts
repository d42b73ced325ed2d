import { pinyin } from 'pinyin-pro';
import type { Partnership } from '../../commands/partnership/index.ts';
import { foldText } from '../../commands/shared/text.ts';
import { officeName } from '../reference/divisions.ts';
import { countryView } from '../shared/country-views.ts';

export { foldText };

const HAN = /\p{Script=Han}/u;
/** Names recur with every change of a partnership and across partnerships of one office: each is spelled once. */
const SPELLED = new Map<string, string>();
const MAX_SPELLED = 50_000;

/**
 * How a Chinese name is typed in pinyin without tones, e.g. `qingdaodaxue`
 * for 青岛大学 (folding drops spaces from names and searches alike, so
 * `qingdao` and `Qingdao Daxue` both find it). pinyin-pro reads each
 * character in its context: 重庆 is `chongqing`, 长沙 `changsha`.
 */
function pinyinOf(name: string): string[] {
  if (!HAN.test(name)) return [];
  let spelled = SPELLED.get(name);
  if (spelled === undefined) {
    spelled = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' }).join('');
    if (SPELLED.size >= MAX_SPELLED) SPELLED.clear();
    SPELLED.set(name, spelled);
  }
  return [spelled];
}

/**
 * Every name of both sides and of the partner country, folded, one string
 * to search: Chinese, English and native names, the city a county or an
 * institution belongs to, and the pinyin of every Chinese name.
 */
export function searchText(state: Partnership): string {
  const { partner, local } = state;
  const country = countryView(partner.country);
  const city = officeName(local.cityCode);
  const names = [partner.nameEn, partner.nameZh, partner.nameNative, local.nameEn, local.nameZh, local.institution, city.nameEn, city.nameZh];
  const chinese = [partner.nameZh, local.nameZh, local.institution, city.nameZh].filter((name): name is string => typeof name === 'string');
  return [...names, country.nameEn, country.nameZh]
    .filter((name): name is string => typeof name === 'string')
    .concat(chinese.flatMap(pinyinOf))
    .map(foldText)
    .join('\u0000');
}
