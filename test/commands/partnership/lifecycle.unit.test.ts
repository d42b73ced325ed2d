import t from 'tap';
import { partnershipDecider } from '../../../commands/partnership/index.ts';
import { spec } from '../spec.ts';
import { approvedSister, ID, intent, proposed, signed, sisterHistory } from './fixtures.ts';

const decider = spec(partnershipDecider);
const fact = (date: string) => ({ partnershipId: ID, date });

t.test(
  'contact is established with a candidate',
  decider
    .given(sisterHistory.candidate)
    .when({ type: 'RecordContact', id: ID, data: { channel: 'video', date: '2021-04-01' } })
    .then([{ type: 'ContactEstablished', data: { ...fact('2021-04-01'), channel: 'video' } }]),
);

t.test(
  'a letter of intent may be signed straight from candidate',
  decider
    .given(sisterHistory.candidate)
    .when({ type: 'SignLetterOfIntent', id: ID, data: { documentRef: 'LOI-12', date: '2021-05-01' } })
    .then([{ type: 'LetterOfIntentSigned', data: { ...fact('2021-05-01'), documentRef: 'LOI-12' } }]),
);

t.test(
  'an approved sister partnership signs its agreement',
  decider
    .given(approvedSister)
    .when({
      type: 'SignAgreement',
      id: ID,
      data: {
        date: '2021-10-18',
        place: 'Jinan',
        signatories: [
          { side: 'local', name: 'Zhou Naixiang', title: 'Governor' },
          { side: 'partner', name: 'Barthélémy Dias', title: 'Mayor' },
        ],
        documentRef: 'SD-FAO-2021-017',
      },
    })
    .then([
      {
        type: 'AgreementSigned',
        data: {
          ...fact('2021-10-18'),
          kind: 'sister',
          place: 'Jinan',
          signatories: [
            { side: 'local', name: 'Zhou Naixiang', title: 'Governor' },
            { side: 'partner', name: 'Barthélémy Dias', title: 'Mayor' },
          ],
          documentRef: 'SD-FAO-2021-017',
        },
      },
    ]),
);

t.test(
  'an active partnership is marked dormant with a reason',
  decider
    .given(sisterHistory.active)
    .when({ type: 'MarkDormant', id: ID, data: { reason: 'no exchanges for three years', date: '2023-01-10' } })
    .then([{ type: 'PartnershipMarkedDormant', data: { ...fact('2023-01-10'), reason: 'no exchanges for three years' } }]),
);

t.test(
  'a dormant partnership is reactivated, credited to a campaign',
  decider
    .given(sisterHistory.dormant)
    .when({
      type: 'Reactivate',
      id: ID,
      data: { campaignId: '33333333-3333-4333-8333-333333333333', reason: 'campaign visit', date: '2022-09-01' },
    })
    .then([
      {
        type: 'PartnershipReactivated',
        data: { ...fact('2022-09-01'), reason: 'campaign visit', campaignId: '33333333-3333-4333-8333-333333333333' },
      },
    ]),
);

for (const status of ['active', 'dormant'] as const) {
  t.test(
    `a ${status} sister partnership is terminated on the province office's document`,
    decider
      .given(sisterHistory[status])
      .when({ type: 'TerminatePartnership', id: ID, data: { reason: 'partner city dissolved', reference: 'LZB-2023-4', date: '2023-02-01' } })
      .then([{ type: 'PartnershipTerminated', data: { ...fact('2023-02-01'), reason: 'partner city dissolved', reference: 'LZB-2023-4' } }]),
  );
  t.test(
    `a ${status} sister partnership is not terminated without it`,
    decider
      .given(sisterHistory[status])
      .when({ type: 'TerminatePartnership', id: ID, data: { reason: 'partner city dissolved', date: '2023-02-01' } })
      .thenRejects('reference-required', 'invalid'),
  );
}

t.test(
  'a friendly-cooperation tie is ended with a reason alone',
  decider
    .given([proposed('friendly_cooperation'), intent(), signed('friendly_cooperation', '2021-06-01')])
    .when({ type: 'TerminatePartnership', id: ID, data: { reason: 'merged into a sister tie elsewhere', date: '2023-02-01' } })
    .then([{ type: 'PartnershipTerminated', data: { ...fact('2023-02-01'), reason: 'merged into a sister tie elsewhere' } }]),
);

for (const status of ['candidate', 'in_contact', 'intent_signed', 'under_review', 'approved'] as const) {
  t.test(
    `a proposal is withdrawn while ${status}`,
    decider
      .given(sisterHistory[status])
      .when({
        type: 'WithdrawProposal',
        id: ID,
        data: { reason: 'partner declined', date: '2021-09-15', notes: 'letter on file' },
      })
      .then([
        {
          type: 'ProposalWithdrawn',
          data: { ...fact('2021-09-15'), notes: 'letter on file', reason: 'partner declined' },
        },
      ]),
  );
}
