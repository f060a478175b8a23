import { screen, within } from '@testing-library/react';
import { renderWithI18n } from '../../../test/render';
import { alignClauses } from './clause-diff';
import { SideBySideDiff } from './SideBySideDiff';

describe('SideBySideDiff', () => {
  it('shows each clause in a row, old text left and new text right, with changes marked', async () => {
    const rows = alignClauses(
      [
        { key: 'security', title: 'Security', text: 'Keep logs for one year.' },
        { key: 'law', title: 'Law', text: 'PRC law applies.' },
      ],
      [
        { key: 'security', title: 'Security', text: 'Keep logs for three years.' },
        { key: 'audit', title: 'Audit', text: 'Providers may audit.' },
      ],
    );
    const { container } = await renderWithI18n(
      <SideBySideDiff rows={rows} leftLabel="Version 1" rightLabel="Version 2" />,
    );
    expect(screen.getByRole('columnheader', { name: 'Version 1' })).toBeTruthy();
    expect(screen.getByRole('columnheader', { name: 'Version 2' })).toBeTruthy();
    const bodyRows = container.querySelectorAll('tbody tr.ant-table-row');
    expect(bodyRows).toHaveLength(3);
    const [changed, removed, added] = [...bodyRows] as HTMLElement[];
    expect(within(changed!).getByText('Changed')).toBeTruthy();
    expect(changed!.querySelector('del')?.textContent).toBe('one year.');
    expect(changed!.querySelector('ins')?.textContent).toBe('three years.');
    expect(within(removed!).getByText('Removed')).toBeTruthy();
    expect(within(removed!).getByText('(not in this version)')).toBeTruthy();
    expect(within(added!).getByText('Added')).toBeTruthy();
    expect(within(added!).getByText('Providers may audit.')).toBeTruthy();
  });

  it('shows the comments on each clause in a column of their own when asked', async () => {
    const rows = alignClauses(
      [{ key: 'law', title: 'Law', text: 'PRC law applies.' }],
      [{ key: 'law', title: 'Law', text: 'PRC law applies; arbitration in Shanghai.' }],
    );
    await renderWithI18n(
      <SideBySideDiff
        rows={rows}
        leftLabel="Version 1"
        rightLabel="Version 2"
        commentsFor={(key) => <span>{`threads on ${key}`}</span>}
      />,
    );
    expect(screen.getByRole('columnheader', { name: 'Comments' })).toBeTruthy();
    expect(screen.getByText('threads on law')).toBeTruthy();
  });
});
