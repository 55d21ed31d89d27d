import { describe, expect, it } from 'vitest';
import { callbackTotal, waitingFor } from './age';

describe('waitingFor', () => {
  const now = new Date('2026-11-26T10:00:00+01:00');
  it('says how long a request has waited, in the largest whole unit', () => {
    expect(waitingFor('2026-11-26T09:59:40+01:00', now)).toBe('da meno di un minuto');
    expect(waitingFor('2026-11-26T09:48:00+01:00', now)).toBe('da 12 minuti');
    expect(waitingFor('2026-11-26T09:00:00+01:00', now)).toBe('da 1 ora');
    expect(waitingFor('2026-11-26T05:00:00+01:00', now)).toBe('da 5 ore');
    expect(waitingFor('2026-11-23T10:00:00+01:00', now)).toBe('da 3 giorni');
  });
});

describe('callbackTotal', () => {
  it('agrees in number', () => {
    expect(callbackTotal(0, ['in attesa', 'in attesa'])).toBe('Nessuna richiesta in attesa');
    expect(callbackTotal(1, ['assegnata', 'assegnate'])).toBe('1 richiesta assegnata');
    expect(callbackTotal(3, ['conclusa', 'concluse'])).toBe('3 richieste concluse');
    expect(callbackTotal(4, null)).toBe('4 richieste');
  });
});
