import { fireEvent, screen } from '@testing-library/react';
import { useState } from 'react';
import { renderWithI18n } from '../../../test/render';
import { ClauseEditor } from './ClauseEditor';
import type { Clause } from './clause-editing';

const base: Clause[] = [
  { key: 'grant', title: 'Grant', text: 'may use' },
  { key: 'security', title: 'Security', text: 'keep safe' },
];

function Harness({ onChange }: { onChange: (clauses: Clause[]) => void }) {
  const [clauses, setClauses] = useState(base);
  return (
    <ClauseEditor
      clauses={clauses}
      base={base}
      onChange={(next) => {
        setClauses(next);
        onChange(next);
      }}
    />
  );
}

describe('ClauseEditor', () => {
  it('reorders, adds and removes clauses with labelled buttons', async () => {
    const changes: Clause[][] = [];
    await renderWithI18n(<Harness onChange={(next) => changes.push(next)} />);
    expect(screen.getByRole<HTMLButtonElement>('button', { name: 'Move clause Grant up' }).disabled).toBe(
      true,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Move clause Security up' }));
    expect(changes.at(-1)!.map((clause) => clause.key)).toEqual(['security', 'grant']);
    expect(screen.getByText('1. Security')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: /Add a clause/ }));
    expect(changes.at(-1)!.map((clause) => clause.key)).toEqual(['security', 'grant', 'clause-3']);
    expect(screen.getByText('New')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove clause Grant' }));
    expect(changes.at(-1)!.map((clause) => clause.key)).toEqual(['security', 'clause-3']);
  });

  it('marks a clause whose text was edited', async () => {
    await renderWithI18n(<Harness onChange={() => undefined} />);
    fireEvent.click(screen.getByText('2. Security'));
    fireEvent.change(screen.getByLabelText('Clause text (Markdown)'), {
      target: { value: 'keep very safe' },
    });
    expect(screen.getByText('Changed')).toBeTruthy();
  });
});
