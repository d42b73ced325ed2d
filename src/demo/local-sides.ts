import type { LocalSideInput } from '../../commands/partnership/index.ts';
import { PROVINCE_CODE, SHANDONG_CITIES } from '../../commands/shared/divisions.ts';

/**
 * The Shandong side of synthetic partnerships. Weights follow how active
 * each office is in friendship-city work: the coastal cities (Qingdao,
 * Yantai, Weihai) and the capital carry most ties; every city has some.
 */
export const CITY_WEIGHTS: readonly (readonly [string, number])[] = [
  ['370200', 18], // Qingdao
  ['370100', 12], // Jinan
  ['370600', 11], // Yantai
  ['371000', 10], // Weihai
  ['370700', 8], // Weifang
  ['370300', 6], // Zibo
  ['370800', 5], // Jining
  ['370900', 5], // Tai'an
  ['371100', 5], // Rizhao
  ['371300', 4], // Linyi
  ['370500', 4], // Dongying
  ['370400', 3], // Zaozhuang
  ['371400', 3], // Dezhou
  ['371500', 3], // Liaocheng
  ['371600', 3], // Binzhou
  ['371700', 3], // Heze
];

/**
 * The year each office became a prefecture-level city (the province since
 * always). A city's own ties start then; counties and districts began
 * keeping ties of their own around 1990.
 */
const CITY_SINCE: Readonly<Record<string, number>> = {
  '370100': 1980, '370200': 1980, '370300': 1980, '370400': 1980, '370500': 1983, '370600': 1983,
  '370700': 1983, '370800': 1983, '370900': 1985, '371000': 1987, '371100': 1989, '371300': 1994,
  '371400': 1994, '371500': 1997, '371600': 2000, '371700': 2000,
};

export function earliestTieYear(local: LocalSideInput): number {
  if (local.divisionCode === PROVINCE_CODE) return 1980;
  const city = CITY_SINCE[officeOf(local.divisionCode)] ?? 1980;
  const ownDivision = local.divisionCode === officeOf(local.divisionCode);
  return ownDivision && local.institution === undefined ? city : Math.max(city, 1990);
}

export interface County {
  code: string;
  nameEn: string;
  nameZh: string;
}

/** County-level divisions (GB/T 2260 codes as of 2021) that keep ties of their own. */
export const COUNTIES: readonly County[] = [
  { code: '370102', nameEn: 'Lixia District', nameZh: '历下区' },
  { code: '370112', nameEn: 'Licheng District', nameZh: '历城区' },
  { code: '370116', nameEn: 'Laiwu District', nameZh: '莱芜区' },
  { code: '370211', nameEn: 'Huangdao District', nameZh: '黄岛区' },
  { code: '370212', nameEn: 'Laoshan District', nameZh: '崂山区' },
  { code: '370281', nameEn: 'Jiaozhou', nameZh: '胶州市' },
  { code: '370283', nameEn: 'Pingdu', nameZh: '平度市' },
  { code: '370285', nameEn: 'Laixi', nameZh: '莱西市' },
  { code: '370303', nameEn: 'Zhangdian District', nameZh: '张店区' },
  { code: '370323', nameEn: 'Yiyuan County', nameZh: '沂源县' },
  { code: '370481', nameEn: 'Tengzhou', nameZh: '滕州市' },
  { code: '370502', nameEn: 'Dongying District', nameZh: '东营区' },
  { code: '370505', nameEn: 'Kenli District', nameZh: '垦利区' },
  { code: '370602', nameEn: 'Zhifu District', nameZh: '芝罘区' },
  { code: '370614', nameEn: 'Penglai District', nameZh: '蓬莱区' },
  { code: '370681', nameEn: 'Longkou', nameZh: '龙口市' },
  { code: '370682', nameEn: 'Laiyang', nameZh: '莱阳市' },
  { code: '370685', nameEn: 'Zhaoyuan', nameZh: '招远市' },
  { code: '370686', nameEn: 'Qixia', nameZh: '栖霞市' },
  { code: '370702', nameEn: 'Weicheng District', nameZh: '潍城区' },
  { code: '370781', nameEn: 'Qingzhou', nameZh: '青州市' },
  { code: '370782', nameEn: 'Zhucheng', nameZh: '诸城市' },
  { code: '370783', nameEn: 'Shouguang', nameZh: '寿光市' },
  { code: '370785', nameEn: 'Gaomi', nameZh: '高密市' },
  { code: '370881', nameEn: 'Qufu', nameZh: '曲阜市' },
  { code: '370883', nameEn: 'Zoucheng', nameZh: '邹城市' },
  { code: '370982', nameEn: 'Xintai', nameZh: '新泰市' },
  { code: '370983', nameEn: 'Feicheng', nameZh: '肥城市' },
  { code: '371082', nameEn: 'Rongcheng', nameZh: '荣成市' },
  { code: '371083', nameEn: 'Rushan', nameZh: '乳山市' },
  { code: '371121', nameEn: 'Wulian County', nameZh: '五莲县' },
  { code: '371122', nameEn: 'Ju County', nameZh: '莒县' },
  { code: '371324', nameEn: 'Lanling County', nameZh: '兰陵县' },
  { code: '371327', nameEn: 'Junan County', nameZh: '莒南县' },
  { code: '371402', nameEn: 'Decheng District', nameZh: '德城区' },
  { code: '371481', nameEn: 'Leling', nameZh: '乐陵市' },
  { code: '371482', nameEn: 'Yucheng', nameZh: '禹城市' },
  { code: '371581', nameEn: 'Linqing', nameZh: '临清市' },
  { code: '371602', nameEn: 'Bincheng District', nameZh: '滨城区' },
  { code: '371621', nameEn: 'Huimin County', nameZh: '惠民县' },
  { code: '371702', nameEn: 'Mudan District', nameZh: '牡丹区' },
  { code: '371721', nameEn: 'Cao County', nameZh: '曹县' },
  { code: '371726', nameEn: 'Juancheng County', nameZh: '鄄城县' },
];

export const provinceSide = (): LocalSideInput => ({ divisionCode: PROVINCE_CODE });
export const citySide = (code: string): LocalSideInput => ({ divisionCode: code });
export const countySide = (county: County): LocalSideInput => ({
  divisionCode: county.code,
  nameEn: county.nameEn,
  nameZh: county.nameZh,
});
export const institutionSide = (divisionCode: string, institution: string): LocalSideInput => ({
  divisionCode,
  institution,
});

/** The office that answers for a division code: its city, or the province. */
export function officeOf(divisionCode: string): string {
  if (divisionCode === PROVINCE_CODE) return PROVINCE_CODE;
  return `${divisionCode.slice(0, 4)}00`;
}

/** English name of the local side, for titles and signatories. */
export function localName(local: LocalSideInput): string {
  if (local.institution !== undefined) return local.institution;
  if (local.nameEn !== undefined) return local.nameEn;
  if (local.divisionCode === PROVINCE_CODE) return 'Shandong';
  return SHANDONG_CITIES.find((city) => city.code === local.divisionCode)?.nameEn ?? local.divisionCode;
}

/** Institutional ties: a Shandong port or university and its foreign counterpart. */
export interface InstitutionPair {
  country: string;
  partner: string;
  local: string;
  divisionCode: string;
}

export const INSTITUTION_PAIRS: readonly InstitutionPair[] = [
  { country: 'KR', partner: 'Port of Busan', local: 'Yantai Port', divisionCode: '370600' },
  { country: 'KR', partner: 'Pyeongtaek-Dangjin Port', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'KR', partner: 'Pusan National University', local: 'Shandong University', divisionCode: '370100' },
  { country: 'KR', partner: 'Chonnam National University', local: 'Yantai University', divisionCode: '370600' },
  { country: 'JP', partner: 'Port of Kitakyushu', local: 'Yantai Port', divisionCode: '370600' },
  { country: 'JP', partner: 'Yamaguchi University', local: 'Shandong Normal University', divisionCode: '370100' },
  { country: 'DE', partner: 'University of Bremen', local: 'Ocean University of China', divisionCode: '370200' },
  { country: 'DE', partner: 'Port of Hamburg', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'US', partner: 'Port of Seattle', local: 'Weihai Port', divisionCode: '371000' },
  { country: 'AU', partner: 'Flinders Ports', local: 'Yantai Port', divisionCode: '370600' },
  { country: 'AU', partner: 'University of Adelaide', local: 'Shandong Agricultural University', divisionCode: '370900' },
  { country: 'NZ', partner: 'Port of Napier', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'RU', partner: 'Port of Vladivostok', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'RU', partner: 'Kazan Federal University', local: 'Shandong University', divisionCode: '370100' },
  { country: 'TH', partner: 'Laem Chabang Port', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'VN', partner: 'Hai Phong Port', local: 'Yantai Port', divisionCode: '370600' },
  { country: 'ID', partner: 'Port of Tanjung Priok', local: 'Weihai Port', divisionCode: '371000' },
  { country: 'PK', partner: 'University of the Punjab', local: 'Qufu Normal University', divisionCode: '370800' },
  { country: 'KZ', partner: 'Port of Aktau', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'EG', partner: 'Suez Canal University', local: 'Liaocheng University', divisionCode: '371500' },
  { country: 'GR', partner: 'Port of Thessaloniki', local: 'Yantai Port', divisionCode: '370600' },
  { country: 'IT', partner: 'University of Pavia', local: 'Weifang Medical University', divisionCode: '370700' },
];

/** Institutional candidates still being prepared at the end of 2021. */
export const PIPELINE_INSTITUTION_PAIRS: readonly InstitutionPair[] = [
  { country: 'KE', partner: 'Port of Mombasa', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'NG', partner: 'University of Lagos', local: 'Qingdao University', divisionCode: '370200' },
  { country: 'BR', partner: 'Port of Santos', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'BD', partner: 'Chittagong Port Authority', local: 'Yantai Port', divisionCode: '370600' },
  { country: 'OM', partner: 'Port of Salalah', local: 'Rizhao Port', divisionCode: '371100' },
  { country: 'LK', partner: 'Hambantota International Port', local: 'Yantai Port', divisionCode: '370600' },
  { country: 'MY', partner: 'Universiti Malaya', local: 'Ocean University of China', divisionCode: '370200' },
  { country: 'ES', partner: 'Port of Valencia', local: 'Weihai Port', divisionCode: '371000' },
];
