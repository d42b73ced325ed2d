import type { LocalSideInput, PartnershipKind } from '../../commands/partnership/index.ts';
import { addDays, randomDate } from './dates.ts';
import { type Draft, draftOf, SYNTHETIC_NOTE } from './draft.ts';
import { CITY_WEIGHTS, citySide, countySide } from './local-sides.ts';
import type { NamePool } from './names.ts';
import type { Random } from './random.ts';
import { type Parties, PathBuilder, type Stage } from './timeline.ts';

interface Ending {
  country: string;
  nameEn?: string;
  local: LocalSideInput;
  signedYear: number;
  dormantYear?: number;
  endedYear: number;
  reason: string;
}

/** Ties that ended; they no longer count. The Japanese ones lapsed with the Heisei municipal mergers. */
const ENDINGS: readonly Ending[] = [
  {
    country: 'JP',
    nameEn: 'Tokuyama',
    local: citySide('370300'),
    signedYear: 1987,
    endedYear: 2004,
    reason: 'Tokuyama merged into the new city of Shunan in 2003 and the tie was not carried over',
  },
  {
    country: 'JP',
    nameEn: 'Ryotsu',
    local: countySide({ code: '371082', nameEn: 'Rongcheng', nameZh: '荣成市' }),
    signedYear: 1992,
    endedYear: 2005,
    reason: 'Ryotsu merged into the new city of Sado in 2004 and the tie was not carried over',
  },
  { country: 'US', local: citySide('370700'), signedYear: 1988, dormantYear: 1998, endedYear: 2003, reason: 'The partner city wound up its sister-city programme' },
  { country: 'RU', local: citySide('370800'), signedYear: 1993, dormantYear: 2001, endedYear: 2010, reason: 'No exchanges for a decade; both sides agreed to end the tie' },
  { country: 'DE', local: citySide('370900'), signedYear: 1998, endedYear: 2016, reason: 'Both sides agreed to end the tie' },
  { country: 'KR', local: citySide('371000'), signedYear: 1996, dormantYear: 2009, endedYear: 2019, reason: 'The partner side asked to end the tie after years without exchanges' },
];

export function terminated(rnd: Random, names: NamePool): Draft[] {
  return ENDINGS.map((ending, index) => {
    const key = `terminated/${ending.country}/${String(index + 1).padStart(2, '0')}`;
    const r = rnd.fork(key);
    const parties: Parties = {
      kind: 'sister',
      local: ending.local,
      partner: { nameEn: ending.nameEn ?? names.city(ending.country), country: ending.country, level: 'city' },
      notes: SYNTHETIC_NOTE,
    };
    const signedOn = randomDate(r, `${ending.signedYear}-02-01`, `${ending.signedYear}-11-30`);
    const draft = draftOf(key, parties, 'terminated', false, new PathBuilder(r, parties).signed(signedOn, { contact: true, rejection: false }));
    const endedOn = randomDate(r, `${ending.endedYear}-01-10`, `${ending.endedYear}-12-10`);
    let lastActive = endedOn;
    if (ending.dormantYear !== undefined) {
      lastActive = randomDate(r, `${ending.dormantYear}-01-10`, `${ending.dormantYear}-12-10`);
      draft.lifecycle.push({ date: lastActive, body: { type: 'MarkDormant', data: { reason: 'No exchanges for several years' } } });
    }
    draft.lifecycle.push({ date: endedOn, body: { type: 'TerminatePartnership', data: { reason: ending.reason } } });
    draft.windows = [[addDays(signedOn, 14), addDays(lastActive, -90)]];
    return draft;
  });
}

const WITHDRAWALS: readonly (readonly [string, Stage, number, string])[] = [
  ['KR', 'in_contact', 2011, 'The partner chose another Chinese city'],
  ['JP', 'intent_signed', 2012, 'The partner city council did not endorse the tie'],
  ['RU', 'candidate', 2014, 'No reply from the partner side'],
  ['US', 'in_contact', 2017, 'Priorities changed after local elections on the partner side'],
  ['TH', 'under_review', 2018, 'The partner side withdrew before the national approval'],
  ['IN', 'in_contact', 2019, 'Talks stalled'],
  ['TR', 'candidate', 2020, 'Merged into another proposal with the same partner'],
  ['FR', 'intent_signed', 2020, 'Exchanges could not start during the pandemic'],
  ['NG', 'candidate', 2021, 'The partner city chose another Chinese province'],
];

export function withdrawn(rnd: Random, names: NamePool): Draft[] {
  return WITHDRAWALS.map(([country, stage, year, reason], index) => {
    const key = `withdrawn/${country}/${String(index + 1).padStart(2, '0')}`;
    const r = rnd.fork(key);
    const kind: PartnershipKind = stage === 'under_review' || r.chance(0.4) ? 'sister' : 'friendly_cooperation';
    const parties: Parties = {
      kind,
      local: citySide(r.weighted(CITY_WEIGHTS)),
      partner: { nameEn: names.city(country), country, level: 'city' },
      notes: SYNTHETIC_NOTE,
    };
    const lastOn = randomDate(r, `${year}-01-10`, `${year}-09-30`);
    const path = new PathBuilder(r, parties).pipeline(stage, lastOn, { contact: true, rejection: false });
    path.push({ date: addDays(lastOn, r.int(30, 90)), body: { type: 'WithdrawProposal', data: { reason } } });
    return draftOf(key, parties, 'withdrawn', false, path);
  });
}

