import { z } from 'zod';
import { LocalSideBody, type PartnershipKind } from '../../commands/partnership/index.ts';
import { explained, jsonTable, partnerCountry } from './data-files.ts';
import { addDays, DEMO_END, minDate, randomDate } from './dates.ts';
import { type Draft, draftOf, SYNTHETIC_NOTE } from './draft.ts';
import { CITY_WEIGHTS, citySide } from './local-sides.ts';
import type { NamePool } from './names.ts';
import type { Random } from './random.ts';
import { type Parties, PathBuilder, STAGES } from './timeline.ts';

const year = () => z.int().min(1979).max(2021);

/** Signed, then perhaps dormant, then ended: each year after the one before. */
function inOrder(...years: (number | undefined)[]): boolean {
  const given = years.filter((year) => year !== undefined);
  return given.every((year, i) => i === 0 || (given[i - 1] ?? year) < year);
}

const Terminated = z
  .strictObject({
    country: partnerCountry,
    nameEn: z.string().min(1).optional(),
    local: LocalSideBody,
    signedYear: year(),
    dormantYear: year().optional(),
    endedYear: year(),
    reason: z.string().min(1),
  })
  .refine((tie) => inOrder(tie.signedYear, tie.dormantYear, tie.endedYear), {
    path: ['endedYear'],
    message: 'signed, dormant (if at all) and ended must each come in a later year',
  });

const Withdrawn = z.strictObject({ country: partnerCountry, stage: z.enum(STAGES), year: year(), reason: z.string().min(1) });

/**
 * Ties that ended, and so no longer count, and proposals withdrawn before
 * signing (`data/endings.json`). A terminated tie without `nameEn` takes a
 * synthetic partner name.
 */
const ENDINGS = jsonTable(
  'endings.json',
  z.strictObject({ terminated: explained({ ties: z.array(Terminated) }), withdrawn: z.array(Withdrawn) }),
);

export function terminated(rnd: Random, names: NamePool): Draft[] {
  return ENDINGS.terminated.ties.map((ending, index) => {
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
    const endedOn = randomDate(r, `${ending.endedYear}-01-10`, minDate(`${ending.endedYear}-12-10`, DEMO_END));
    let lastActive = endedOn;
    if (ending.dormantYear !== undefined) {
      lastActive = randomDate(r, `${ending.dormantYear}-01-10`, `${ending.dormantYear}-12-10`);
      draft.lifecycle.push({ date: lastActive, body: { type: 'MarkDormant', data: { reason: 'No exchanges for several years' } } });
    }
    // Ending a sister tie is the province office's act, on a document of its own.
    const reference = `SDFAO-${endedOn.slice(0, 4)}-Z${String(index + 1).padStart(2, '0')}`;
    draft.lifecycle.push({ date: endedOn, body: { type: 'TerminatePartnership', data: { reason: ending.reason, reference } } });
    draft.windows = [[addDays(signedOn, 14), addDays(lastActive, -90)]];
    return draft;
  });
}

export function withdrawn(rnd: Random, names: NamePool): Draft[] {
  return ENDINGS.withdrawn.map(({ country, stage, year, reason }, index) => {
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
    path.push({ date: minDate(addDays(lastOn, r.int(30, 90)), DEMO_END), body: { type: 'WithdrawProposal', data: { reason } } });
    return draftOf(key, parties, 'withdrawn', false, path);
  });
}

