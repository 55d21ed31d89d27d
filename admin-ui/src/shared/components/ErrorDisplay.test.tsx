import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { apiError } from '../../test/fakes';
import { ErrorDisplay } from './ErrorDisplay';

describe('ErrorDisplay', () => {
  it.each([
    ['FORBIDDEN', 'Operazione non consentita'],
    ['RATE_LIMITED', 'Troppi tentativi, riprova tra poco'],
    ['BAD_USER_INPUT', 'Dati non validi'],
    ['NOT_FOUND', 'Elemento non trovato'],
    ['CONFLICT', 'Operazione in conflitto con lo stato attuale'],
    ['INTERNAL', 'Errore del servizio'],
    ['UNAUTHENTICATED', 'Accesso richiesto'],
  ] as const)('shows %s under the heading "%s" with the server message', (code, heading) => {
    render(<ErrorDisplay error={apiError(code, 'Messaggio del server')} />);
    const alert = screen.getByRole('alert');
    expect(screen.getByRole('heading', { level: 2, name: heading })).toBeInTheDocument();
    expect(alert).toHaveTextContent('Messaggio del server');
  });

  it('lets a screen name what was not found', () => {
    render(<ErrorDisplay error={apiError('NOT_FOUND', 'Non trovato')} headings={{ NOT_FOUND: 'Unità non trovata' }} />);
    expect(screen.getByRole('heading', { name: 'Unità non trovata' })).toBeInTheDocument();
  });

  it('explains a network failure in Italian', () => {
    render(<ErrorDisplay error={new CombinedError({ networkError: new Error('Failed to fetch') })} />);
    expect(screen.getByRole('heading', { name: 'Servizio non raggiungibile' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Impossibile contattare il server');
    expect(screen.getByRole('alert')).not.toHaveTextContent('Failed to fetch');
  });

  it('falls back to a generic heading for a code it does not know', () => {
    const error = new CombinedError({ graphQLErrors: [{ message: 'Boh', extensions: { code: 'TEAPOT' } }] });
    render(<ErrorDisplay error={error} />);
    expect(screen.getByRole('heading', { name: 'Si è verificato un errore' })).toBeInTheDocument();
  });

  it('shows each distinct message once', () => {
    const error = new CombinedError({
      graphQLErrors: [
        { message: 'Accesso negato', extensions: { code: 'FORBIDDEN' } },
        { message: 'Accesso negato', extensions: { code: 'FORBIDDEN' } },
      ],
    });
    render(<ErrorDisplay error={error} />);
    expect(screen.getAllByRole('heading', { name: 'Operazione non consentita' })).toHaveLength(1);
  });

  it('renders nothing without an error', () => {
    const { container } = render(<ErrorDisplay error={undefined} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('offers "Riprova" when the screen can retry', async () => {
    const onRetry = vi.fn();
    render(<ErrorDisplay error={apiError('INTERNAL', 'Errore interno')} onRetry={onRetry} />);
    await userEvent.click(screen.getByRole('button', { name: 'Riprova' }));
    expect(onRetry).toHaveBeenCalledOnce();
  });
});
