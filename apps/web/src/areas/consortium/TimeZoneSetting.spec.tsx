import { fireEvent, screen } from '@testing-library/react';
import { Client, Provider } from 'urql';
import { renderWithI18n } from '../../../test/render';
import { TimeZoneSetting } from './TimeZoneSetting';

// No request is made by rendering; a client that never answers is enough.
const client = new Client({ url: 'http://localhost/graphql', exchanges: [] });

function render(timeZone: string, canUpdate: boolean) {
  return renderWithI18n(
    <Provider value={client}>
      <TimeZoneSetting consortiumId="c1" timeZone={timeZone} canUpdate={canUpdate} />
    </Provider>,
    'zh-CN',
  );
}

describe('TimeZoneSetting', () => {
  it('names Beijing time in words, with no way to change it for a non-admin', async () => {
    await render('Asia/Shanghai', false);
    expect(screen.getByText('北京时间（Asia/Shanghai）')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '修改时区' })).toBeNull();
  });

  it('lets an admin of a member choose another zone, saying what it governs', async () => {
    await render('Europe/Berlin', true);
    expect(screen.getByText('Europe/Berlin')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '修改时区' }));
    expect(
      screen.getByText('数据合同的有效期按此时区的日期计算，合同文本中的时间也以此时区表述。'),
    ).toBeTruthy();
    expect(screen.getByRole('combobox', { name: '选择时区' })).toBeTruthy();
  });
});
