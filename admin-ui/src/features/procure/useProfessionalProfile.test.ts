import { describe, expect, it } from 'vitest';
import { profileProblem, type Profile } from './useProfessionalProfile';

const rossi: Profile = {
  id: 'p1',
  fiscalCode: 'RSSMRA80A01H501U',
  name: 'Mario Rossi',
  entratelUserType: 'A10',
  category: 'COMMERCIALISTA',
  albo: { name: 'ODCEC di Roma', province: 'RM', number: 'AA012345' },
  selfRegistered: false,
  verified: true,
  verifiedAt: '2026-01-01T09:00:00Z',
  mayDeclareProcure: true,
};

describe('profileProblem', () => {
  it('has nothing to say to a verified professional of a declaring type', () => {
    expect(profileProblem(rossi)).toBeNull();
  });

  it('explains what to do when not in the register, not verified yet, or of another Entratel type', () => {
    expect(profileProblem(null)?.title).toMatch(/Non risulti iscritto/);
    expect(profileProblem({ ...rossi, verified: false, verifiedAt: null, mayDeclareProcure: false })?.text).toMatch(
      /amministratore deve verificare/,
    );
    expect(
      profileProblem({ ...rossi, entratelUserType: 'B12', category: 'OTHER', mayDeclareProcure: false })?.text,
    ).toMatch(/tipo utente B12.*A10, A20, A25.*A30, A56/);
  });
});
