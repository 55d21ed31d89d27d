import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { PrecallScript } from './PrecallScript';

describe('PrecallScript', () => {
  it('lists the five steps of the directive in order, as a checklist that counts what was done', async () => {
    const user = userEvent.setup();
    render(<PrecallScript />);
    const group = screen.getByRole('group', { name: 'Traccia della prechiamata' });
    const boxes = within(group).getAllByRole('checkbox');
    expect(boxes.map((b) => b.closest('li')?.querySelector('label')?.textContent)).toEqual([
      '1. Illustra brevemente i motivi del contatto',
      '2. Eroga il servizio subito, se possibile',
      '3. Proponi il servizio in remoto via e-mail o PEC',
      '4. Proponi lo sportello virtuale',
      '5. Ricorda il limite di 15 minuti',
    ]);
    expect(screen.getByLabelText('3. Proponi il servizio in remoto via e-mail o PEC')).toHaveAccessibleDescription(
      /nel giro di 2\/3 giorni/,
    );
    expect(screen.getByText('Passi svolti: 0 di 5')).toBeInTheDocument();
    await user.click(boxes[0]);
    await user.click(boxes[2]);
    expect(screen.getByText('Passi svolti: 2 di 5')).toBeInTheDocument();
    for (const box of [boxes[1], boxes[3], boxes[4]]) await user.click(box);
    expect(screen.getByText('Tutti i passi della traccia sono stati svolti.')).toBeInTheDocument();
    await user.click(boxes[4]);
    expect(screen.getByText('Passi svolti: 4 di 5')).toBeInTheDocument();
  });
});
