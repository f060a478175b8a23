import { fireEvent, screen, waitFor } from '@testing-library/react';
import { App } from 'antd';
import { Client, Provider } from 'urql';
import { renderWithI18n } from '../../../test/render';
import { RolesModal } from './PeopleModals';
import type { Person } from './people';

// Nothing is sent while the refusal is foreseen; a client that never answers is enough.
const client = new Client({ url: 'http://localhost/graphql', exchanges: [] });

const li: Person & { name: string } = {
  id: 'li',
  name: 'Li Wei',
  roles: ['ORG_ADMIN', 'SIGNATORY'],
  status: 'ACTIVE',
};
const zhang: Person & { name: string } = {
  id: 'zhang',
  name: 'Zhang Min',
  roles: ['ENGINEER'],
  status: 'ACTIVE',
};

function render(person: Person & { name: string }, people: Person[], language: 'en' | 'zh-CN' = 'zh-CN') {
  return renderWithI18n(
    <Provider value={client}>
      <App>
        <RolesModal person={person} people={people} onClose={() => undefined} onSaved={() => undefined} />
      </App>
    </Provider>,
    language,
  );
}

describe('RolesModal', () => {
  it('lists every role by its Chinese name, with the person’s roles ticked', async () => {
    await render(zhang, [li, zhang]);
    for (const name of ['机构管理员', '法务', '签署人', '数据专员', '研究人员']) {
      expect(screen.getByRole('checkbox', { name })).toHaveProperty('checked', false);
    }
    expect(screen.getByRole('checkbox', { name: '工程师' })).toHaveProperty('checked', true);
  });

  it('explains, before saving, why the last admin cannot lose the admin role', async () => {
    await render(li, [li, zhang], 'en');
    expect(screen.queryByTestId('people-refusal')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Organisation admin' }));
    expect((await screen.findByTestId('people-refusal')).textContent).toContain(
      'This is the last active admin of your organisation',
    );
    expect(screen.getByRole('button', { name: 'Save roles' })).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Organisation admin' }));
    await waitFor(() =>
      expect(screen.getByRole('button', { name: 'Save roles' })).toHaveProperty('disabled', false),
    );
    expect(screen.queryByTestId('people-refusal')).toBeNull();
  });
});
