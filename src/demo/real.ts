import type { LocalSideInput, PartnerLevel, PartnershipKind } from '../../commands/partnership/index.ts';
import {
  SHANDONG_PARTNERSHIPS,
  type PartnershipSourceLevel,
  type PartnershipSourceType,
  type ShandongPartnershipRecord,
} from '../../projections/reference/index.ts';
import { citySide, countySide, institutionSide, provinceSide } from './local-sides.ts';

/**
 * How the 65 sourced partnerships enter the demo. The judgement calls are
 * here, each with its reason; the source rows stay untouched in
 * `projections/reference/shandong-partnerships.ts`.
 */

/** Where a tie signed after 2021 (or only a letter of intent) stood at the end of 2021. */
export type PipelineStage = 'candidate' | 'in_contact' | 'intent_signed' | 'under_review';

export interface RealPartnership {
  record: ShandongPartnershipRecord;
  local: LocalSideInput;
  partner: { nameEn: string; nameZh: string; country: string; level: PartnerLevel };
  kind: PartnershipKind;
  /** The year signed, for ties signed up to 2021. */
  signedYear?: number;
  /** For ties signed later: their state in December 2021. */
  stage?: PipelineStage;
  /** Signed as friendly_cooperation, upgraded to sister in `signedYear`'s stead. */
  upgrade?: { signedYear: number; upgradedYear: number };
  /** Why a year or kind was chosen where the source is silent or ambiguous. */
  judgements: string[];
}

const LOCAL_SIDES: Readonly<Record<string, LocalSideInput>> = {
  'Shandong Province': provinceSide(),
  Jinan: citySide('370100'),
  Qingdao: citySide('370200'),
  Zibo: citySide('370300'),
  Yantai: citySide('370600'),
  Weifang: citySide('370700'),
  Jining: citySide('370800'),
  "Tai'an": citySide('370900'),
  Weihai: citySide('371000'),
  Rizhao: citySide('371100'),
  // Changqing became a district of Jinan in 2001; the ledger uses today's code and name.
  'Jinan Changqing County (now district)': countySide({ code: '370113', nameEn: 'Changqing District', nameZh: '长清区' }),
  'Qingdao Port (Shandong Port Group)': institutionSide('370200', 'Qingdao Port'),
  'Rizhao Lanshan District': countySide({ code: '371103', nameEn: 'Lanshan District', nameZh: '岚山区' }),
  'Zibo Zhoucun District': countySide({ code: '370306', nameEn: 'Zhoucun District', nameZh: '周村区' }),
  "Liaocheng Dong'e County": countySide({ code: '371524', nameEn: "Dong'e County", nameZh: '东阿县' }),
};

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

/** Display names where the source's name carries a disambiguating note, and Chinese names. */
const NAMES: Readonly<Record<string, { nameEn?: string; nameZh: string }>> = {
  'Yamaguchi Prefecture': { nameZh: '山口县' },
  'Wakayama Prefecture': { nameZh: '和歌山县' },
  'South Australia': { nameZh: '南澳大利亚州' },
  'Bavaria (Free State of)': { nameEn: 'Free State of Bavaria', nameZh: '巴伐利亚州' },
  'Gyeongsangnam-do': { nameZh: '庆尚南道' },
  'Chungcheongnam-do': { nameZh: '忠清南道' },
  'Jeollanam-do': { nameZh: '全罗南道' },
  'Western Cape': { nameZh: '西开普省' },
  'Orenburg Oblast': { nameZh: '奥伦堡州' },
  'Perm Oblast (now Perm Krai)': { nameEn: 'Perm Krai', nameZh: '彼尔姆边疆区' },
  'Chungcheongbuk-do': { nameZh: '忠清北道' },
  'Incheon Metropolitan City': { nameZh: '仁川广域市' },
  'Jeollabuk-do': { nameZh: '全罗北道' },
  'Jeju Special Self-Governing Province': { nameZh: '济州特别自治道' },
  Seoul: { nameZh: '首尔特别市' },
  'Tomsk Oblast': { nameZh: '托木斯克州' },
  'Republic of Tatarstan': { nameZh: '鞑靼斯坦共和国' },
  Quebec: { nameZh: '魁北克省' },
  'Gyeonggi-do': { nameZh: '京畿道' },
  Punjab: { nameZh: '旁遮普省' },
  'Nova Scotia': { nameZh: '新斯科舍省' },
  'Samarkand Region': { nameZh: '撒马尔罕州' },
  'Isabel Province': { nameZh: '伊莎贝尔省' },
  'Upper Austria': { nameZh: '上奥地利州' },
  'Sao Paulo (state)': { nameEn: 'São Paulo State', nameZh: '圣保罗州' },
  'Georgia (U.S. state)': { nameEn: 'Georgia', nameZh: '佐治亚州' },
  'Wakayama (city)': { nameEn: 'Wakayama', nameZh: '和歌山市' },
  Coventry: { nameZh: '考文垂市' },
  Sacramento: { nameZh: '萨克拉门托市' },
  'Yamaguchi (city)': { nameEn: 'Yamaguchi', nameZh: '山口市' },
  Suwon: { nameZh: '水原市' },
  'Nizhny Novgorod': { nameZh: '下诺夫哥罗德市' },
  'Kfar Saba': { nameZh: '克法尔萨巴市' },
  'Misato (Miyagi)': { nameEn: 'Misato', nameZh: '美里町' },
  Shimonoseki: { nameZh: '下关市' },
  'Long Beach': { nameZh: '长滩市' },
  Adelaide: { nameZh: '阿德莱德市' },
  'Perm (city)': { nameEn: 'Perm', nameZh: '彼尔姆市' },
  Dallas: { nameZh: '达拉斯市' },
  Regensburg: { nameZh: '雷根斯堡市' },
  Mannheim: { nameZh: '曼海姆市' },
  'Samarkand (city)': { nameEn: 'Samarkand', nameZh: '撒马尔罕市' },
  Minsk: { nameZh: '明斯克市' },
  'Somogy County': { nameZh: '绍莫吉州' },
  Stupino: { nameZh: '斯图皮诺市' },
  'Port of Wilhelmshaven': { nameZh: '威廉港' },
  'Port of Long Beach': { nameZh: '长滩港' },
  'Sihanoukville Autonomous Port': { nameZh: '西哈努克港' },
  'Gwadar Port': { nameZh: '瓜达尔港' },
  'Kyaukphyu Port': { nameZh: '皎漂港' },
  'Port of Baku': { nameZh: '巴库港' },
  'Port of Dakar': { nameZh: '达喀尔港' },
  'Port of Djibouti': { nameZh: '吉布提港' },
  'San Diego': { nameZh: '圣迭戈市' },
  Tauranga: { nameZh: '陶朗加市' },
  'Santa Barbara': { nameZh: '圣巴巴拉市' },
  'Sergiev Posad': { nameZh: '谢尔吉耶夫镇' },
  'Gisborne District': { nameZh: '吉斯伯恩区' },
  Karratha: { nameZh: '卡拉萨市' },
  'Springfield, Illinois': { nameEn: 'Springfield', nameZh: '斯普林菲尔德市' },
  'Davao City': { nameZh: '达沃市' },
  Yachimata: { nameZh: '八街市' },
  'Veliky Novgorod': { nameZh: '大诺夫哥罗德市' },
  'Staraya Russa (district)': { nameEn: 'Staraya Russa District', nameZh: '旧鲁萨区' },
  Izumisano: { nameZh: '泉佐野市' },
};

/**
 * Source rows without a year get one here, none later than 2021; each says
 * where it comes from.
 */
const UNDATED: Readonly<Record<string, { year: number; why: string }>> = {
  'Upper Austria': {
    year: 1996,
    why: 'Upper Austrian government press (2016) marks the 20th anniversary of the partnership',
  },
  'Sao Paulo (state)': {
    year: 2004,
    why: 'chosen, no dated source found; São Paulo joined the Power Regions network Shandong founded in 2002 only later',
  },
  'Georgia (U.S. state)': {
    year: 2006,
    why: 'chosen, no dated source found; Georgia joined the Power Regions network after São Paulo',
  },
  'Veliky Novgorod': { year: 1995, why: 'Novgorod regional press (2023): twin cities since 1995' },
  'Port of Dakar': { year: 2019, why: 'chosen, no dated source found' },
  'Port of Djibouti': { year: 2017, why: 'chosen, no dated source found' },
};

/**
 * Kinds where the source does not name a formal sister tie. Undated-kind
 * province ties from before 2002 are recorded as sister (友好省州 was then
 * the usual form, as Bavaria and the prefectures show); later ones as
 * friendly cooperation, the form Jeollabuk-do's 2006 tie explicitly took.
 * Twinning MoUs and "friendship and cooperation" agreements are friendly
 * cooperation; Russian "побратим" (twin) ties are sister ties.
 */
function kindOf(record: ShandongPartnershipRecord, year: number): PartnershipKind {
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
      if (record.partner === 'Sergiev Posad' || record.partner === 'Veliky Novgorod') return 'sister';
      return year < 2002 ? 'sister' : 'friendly_cooperation';
  }
}

/** Where the ties signed after 2021 stood at its end, judged from how long each took to sign. */
const STAGES: Readonly<Record<string, PipelineStage>> = {
  'Samarkand Region': 'under_review',
  'Isabel Province': 'candidate',
  'Samarkand (city)': 'intent_signed',
  Minsk: 'in_contact',
  'Somogy County': 'candidate',
  Stupino: 'in_contact',
  'Port of Baku': 'in_contact',
  'Sergiev Posad': 'candidate',
  'Davao City': 'in_contact',
  'Staraya Russa (district)': 'in_contact',
};

const LAST_YEAR = 2021;

/** Source types that name the ledger's kind outright. */
const KIND_STATED: ReadonlySet<PartnershipSourceType> = new Set([
  'sister_province',
  'sister_city',
  'friendly_cooperation',
  'port_partnership',
]);

function toDemo(record: ShandongPartnershipRecord): RealPartnership {
  const local = LOCAL_SIDES[record.shandongSide];
  if (local === undefined) throw new Error(`no local side for "${record.shandongSide}"`);
  const names = NAMES[record.partner];
  const partner = {
    nameEn: names?.nameEn ?? record.partner,
    nameZh: names?.nameZh ?? record.partner,
    country: record.partnerCountryIso2,
    level: LEVELS[record.partnerLevel],
  };
  const undated = record.year === null ? UNDATED[record.partner] : undefined;
  const year = record.year ?? undated?.year;
  if (year === undefined) throw new Error(`no year for "${record.partner}"`);
  const kind = kindOf(record, year);
  const judgements = [
    ...(undated !== undefined ? [`Year ${year}: ${undated.why}.`] : []),
    ...(KIND_STATED.has(record.relationshipType) ? [] : [`Source kind "${record.relationshipType}" recorded as ${kind}.`]),
  ];
  const base = { record, local, partner, kind, judgements };

  if (record.relationshipType === 'letter_of_intent' || year > LAST_YEAR) {
    const stage = STAGES[record.partner];
    if (stage === undefined) throw new Error(`no 2021 stage for "${record.partner}"`);
    return { ...base, stage };
  }
  if (record.partner === 'Adelaide') {
    // A Friendly City in 2001, a sister city from 2014: the row's year is the upgrade.
    return { ...base, kind: 'friendly_cooperation', signedYear: 2001, upgrade: { signedYear: 2001, upgradedYear: 2014 } };
  }
  return { ...base, signedYear: year };
}

export const REAL_PARTNERSHIPS: readonly RealPartnership[] = SHANDONG_PARTNERSHIPS.map(toDemo);
