/**
 * Country groups that dashboards count partnerships by. Membership carries
 * dates so a figure "as of" a day uses the list as it stood then; China is a
 * member of RCEP and the SCO but is never a partner country, so it is left
 * out of every list here.
 */

export const GROUP_IDS = ['BRI', 'RCEP', 'SCO'] as const;
export type GroupId = (typeof GROUP_IDS)[number];

export interface GroupMember {
  iso2: string;
  /** First day of membership (inclusive); absent when the list is not dated. */
  from?: string;
  /** First day no longer a member (exclusive); absent while still a member. */
  until?: string;
  /** RCEP only: when the agreement entered into force for this member, if it has. */
  inForceFrom?: string;
}

export interface Group {
  id: GroupId;
  nameEn: string;
  nameZh: string;
  /** Changes whenever the member list or its dates change, so reports can say which list they used. */
  version: string;
  source: string;
  members: readonly GroupMember[];
}

const RCEP_SIGNED = '2020-11-15';
const RCEP_FIRST_IN_FORCE = '2022-01-01';

/**
 * RCEP membership starts at signature (15 November 2020), not at entry into
 * force: the office counts its "RCEP partners" from the day the agreement was
 * signed, and the December 2021 figure (230 pairs in 10 countries) predates
 * entry into force for every member. Entry into force is kept alongside.
 * Myanmar has no `inForceFrom`: it deposited an instrument, but the parties
 * disagree whether the agreement applies to it.
 */
const rcep = (iso2: string, inForceFrom?: string): GroupMember => ({
  iso2,
  from: RCEP_SIGNED,
  ...(inForceFrom !== undefined && { inForceFrom }),
});

/** The SCO founding summit, Shanghai; the Shanghai Five (1996) was not yet the organisation. */
const SCO_FOUNDED = '2001-06-15';

/**
 * The "65 countries along the Belt and Road" (一带一路沿线65国) grouping that
 * Chinese statistics used from 2015. No official document enumerates it, and
 * published versions differ (some count China among the 65 and list 64
 * others; some swap in Timor-Leste or drop Egypt). This version lists 65
 * countries besides China, by region as usually published. Bhutan is on it
 * although it has no diplomatic relations with the PRC and so cannot be a
 * partner country.
 */
const BRI_65_2015: readonly string[] = [
  // East Asia
  'MN',
  // ASEAN
  'SG', 'MY', 'ID', 'MM', 'TH', 'LA', 'KH', 'VN', 'BN', 'PH',
  // West Asia and North Africa
  'IR', 'IQ', 'TR', 'SY', 'JO', 'LB', 'IL', 'PS', 'SA', 'YE', 'OM', 'AE', 'QA', 'KW', 'BH', 'GR', 'CY', 'EG',
  // South Asia
  'IN', 'PK', 'BD', 'AF', 'LK', 'MV', 'NP', 'BT',
  // Central Asia
  'KZ', 'UZ', 'TM', 'TJ', 'KG',
  // CIS
  'RU', 'UA', 'BY', 'GE', 'AZ', 'AM', 'MD',
  // Central and Eastern Europe
  'PL', 'LT', 'EE', 'LV', 'CZ', 'SK', 'HU', 'SI', 'HR', 'BA', 'ME', 'RS', 'AL', 'RO', 'BG', 'MK',
];

export const GROUPS: readonly Group[] = [
  {
    id: 'BRI',
    nameEn: 'Belt and Road countries along the routes (65)',
    nameZh: '“一带一路”沿线国家（65国）',
    version: 'bri-65-2015',
    source: 'The regional grouping of 65 countries along the routes commonly used in Chinese statistics from 2015',
    members: BRI_65_2015.map((iso2) => ({ iso2 })),
  },
  {
    id: 'RCEP',
    nameEn: 'Regional Comprehensive Economic Partnership',
    nameZh: '区域全面经济伙伴关系协定（RCEP）',
    version: 'rcep-2020-signatories',
    source: 'Signed 15 November 2020 by the ten ASEAN states, China, Japan, Korea, Australia and New Zealand; ASEAN Secretariat notices of entry into force',
    members: [
      rcep('BN', RCEP_FIRST_IN_FORCE),
      rcep('KH', RCEP_FIRST_IN_FORCE),
      rcep('LA', RCEP_FIRST_IN_FORCE),
      rcep('SG', RCEP_FIRST_IN_FORCE),
      rcep('TH', RCEP_FIRST_IN_FORCE),
      rcep('VN', RCEP_FIRST_IN_FORCE),
      rcep('JP', RCEP_FIRST_IN_FORCE),
      rcep('AU', RCEP_FIRST_IN_FORCE),
      rcep('NZ', RCEP_FIRST_IN_FORCE),
      rcep('KR', '2022-02-01'),
      rcep('MY', '2022-03-18'),
      rcep('ID', '2023-01-02'),
      rcep('PH', '2023-06-02'),
      rcep('MM'),
    ],
  },
  {
    id: 'SCO',
    nameEn: 'Shanghai Cooperation Organisation (member states)',
    nameZh: '上海合作组织（成员国）',
    version: 'sco-2024-07',
    source: 'SCO founding declaration (2001); accessions at the Astana (2017), New Delhi virtual (2023) and Astana (2024) summits',
    members: [
      { iso2: 'RU', from: SCO_FOUNDED },
      { iso2: 'KZ', from: SCO_FOUNDED },
      { iso2: 'KG', from: SCO_FOUNDED },
      { iso2: 'TJ', from: SCO_FOUNDED },
      { iso2: 'UZ', from: SCO_FOUNDED },
      { iso2: 'IN', from: '2017-06-09' },
      { iso2: 'PK', from: '2017-06-09' },
      { iso2: 'IR', from: '2023-07-04' },
      { iso2: 'BY', from: '2024-07-04' },
    ],
  },
];

/**
 * Whether a member counts on `onDate` (YYYY-MM-DD; ISO dates order as
 * strings). Without a date: the list as it stands now, i.e. every member
 * that has not left.
 */
function isMember(member: GroupMember, onDate: string | undefined): boolean {
  if (onDate === undefined) return member.until === undefined;
  return (member.from === undefined || member.from <= onDate) && (member.until === undefined || onDate < member.until);
}

export function group(id: GroupId): Group {
  const found = GROUPS.find((g) => g.id === id);
  if (found === undefined) throw new Error(`unknown group ${id}`);
  return found;
}

/** The groups `iso2` belongs to on `onDate`, in the order of `GROUPS`. */
export function groupsOf(iso2: string, onDate?: string): GroupId[] {
  return GROUPS.filter((g) => g.members.some((m) => m.iso2 === iso2 && isMember(m, onDate))).map((g) => g.id);
}

/** The member countries of a group on `onDate`, in list order. */
export function groupMembers(id: GroupId, onDate?: string): string[] {
  return group(id)
    .members.filter((m) => isMember(m, onDate))
    .map((m) => m.iso2);
}
