import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../../test/fakes';
import { renderWithProviders } from '../../test/renderWithProviders';
import { FaqSearch } from './FaqSearch';

const entry = (id: string, question: string) => ({
  id,
  section: 'PENSIONI',
  question,
  answer: `Risposta a ${question}`,
  tags: ['decorrenza'],
  status: 'PUBLISHED',
  sourceQuesitoId: null,
  version: 1,
  updatedAt: '2026-11-01T10:00:00Z',
});

describe('FaqSearch', () => {
  it('searches only when asked, lists ranked results and expands an answer', async () => {
    const client = fakeClient(() => ({
      data: {
        faqEntries: {
          nodes: [entry('f1', 'Quando decorre la pensione?'), entry('f2', 'Come si ricostituisce?')],
          pageInfo: { hasNextPage: false, endCursor: null },
        },
      },
    }));
    renderWithProviders(<FaqSearch />, { client });
    expect(client.executeQuery).not.toHaveBeenCalled();

    await userEvent.type(screen.getByLabelText('Parole da cercare'), 'pensione');
    await userEvent.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(vi.mocked(client.executeQuery).mock.calls[0][0].variables).toMatchObject({
      search: 'pensione',
      section: null,
    });

    const question = screen.getByRole('button', { name: 'Quando decorre la pensione?' });
    expect(question).toHaveAttribute('aria-expanded', 'false');
    expect(screen.getByText('Risposta a Quando decorre la pensione?')).not.toBeVisible();
    await userEvent.click(question);
    expect(question).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByText('Risposta a Quando decorre la pensione?')).toBeVisible();
    expect(screen.getByText('Risposta a Come si ricostituisce?')).not.toBeVisible();
  });

  it('says when nothing was found', async () => {
    const client = fakeClient(() => ({
      data: { faqEntries: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } },
    }));
    renderWithProviders(<FaqSearch />, { client });
    await userEvent.click(screen.getByRole('button', { name: 'Cerca' }));
    expect(screen.getByText('Nessuna FAQ trovata')).toBeInTheDocument();
  });
});
