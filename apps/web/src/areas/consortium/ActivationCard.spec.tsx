import { screen } from '@testing-library/react';
import { Client, Provider } from 'urql';
import { renderWithI18n } from '../../../test/render';
import type { MemberLike } from './activation';
import { ActivationCard } from './ActivationCard';

// No request is made by rendering; a client that never answers is enough.
const client = new Client({ url: 'http://localhost/graphql', exchanges: [] });

const PEARL_RIVER: MemberLike[] = [
  {
    id: 'm1',
    partyRole: 'SCENARIO_USER',
    status: 'ACTIVE',
    organization: { id: 'o1', name: 'Pearl River Care' },
  },
  {
    id: 'm2',
    partyRole: 'ROBOT_MAKER',
    status: 'ACTIVE',
    organization: { id: 'o2', name: 'Bay Area Robots' },
  },
  { id: 'm3', partyRole: 'SUPPLIER', status: 'INVITED', organization: { id: 'o3', name: 'Harmonic Drives' } },
];

function render(members: MemberLike[], canActivate: boolean, language: 'en' | 'zh-CN' = 'en') {
  return renderWithI18n(
    <Provider value={client}>
      <ActivationCard consortiumId="c1" members={members} canActivate={canActivate} />
    </Provider>,
    language,
  );
}

describe('ActivationCard', () => {
  it('says which party kinds are missing and keeps Activate disabled', async () => {
    await render(PEARL_RIVER, true);
    expect(screen.getByText('Still missing: Component supplier, Research institute')).toBeTruthy();
    expect(screen.getByText('Invited: Harmonic Drives')).toBeTruthy();
    expect(screen.getByText('Present: Pearl River Care')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Activate the consortium' })).toHaveProperty('disabled', true);
  });

  it('offers Activate once all four kinds are active', async () => {
    const complete: MemberLike[] = [
      ...PEARL_RIVER.slice(0, 2),
      { ...PEARL_RIVER[2]!, status: 'ACTIVE' },
      {
        id: 'm4',
        partyRole: 'RESEARCH_INSTITUTE',
        status: 'ACTIVE',
        organization: { id: 'o4', name: 'Institute' },
      },
    ];
    await render(complete, true, 'zh-CN');
    expect(screen.getByText('四类参与方均已到位，可以启用联合体。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '启用联合体' })).toHaveProperty('disabled', false);
  });

  it('tells people who may not activate why there is no button', async () => {
    await render(PEARL_RIVER, false);
    expect(screen.queryByRole('button', { name: 'Activate the consortium' })).toBeNull();
    expect(
      screen.getByText('Only administrators of member organisations can activate the consortium.'),
    ).toBeTruthy();
  });
});
