import { describe, expect, it } from 'vitest';
import { EMPTY_REGISTRATION, registrationInput, validateRegistration } from './form';

const valid = {
  ...EMPTY_REGISTRATION,
  username: 'Prof.Sanna',
  password: 'password-molto-lunga',
  confirmation: 'password-molto-lunga',
  email: 'anna.sanna@example.it',
  fiscalCode: 'rss mra 80a01 h501u',
  name: 'Anna Sanna',
  entratelUserType: 'A30',
  albo: 'Ordine dei Consulenti del Lavoro di Cagliari',
  alboProvince: 'ca',
  alboNumber: '987',
};

describe('registration form', () => {
  it('accepts a complete form and normalises it for the API', () => {
    expect(validateRegistration(valid)).toEqual({});
    expect(registrationInput(valid)).toMatchObject({
      username: 'prof.sanna',
      fiscalCode: 'RSSMRA80A01H501U',
      alboProvince: 'CA',
    });
  });

  it('checks the fiscal code, the password rule and the confirmation', () => {
    const errors = validateRegistration({ ...valid, fiscalCode: 'RSSMRA80A01H501X', password: 'corta', email: 'x' });
    expect(errors.fiscalCode).toMatch(/carattere di controllo/);
    expect(errors.password).toBe('La password deve avere almeno 12 caratteri.');
    expect(errors.email).toBeDefined();
    expect(validateRegistration({ ...valid, confirmation: 'altra-password-lunga' }).confirmation).toBe(
      'Le due password non coincidono.',
    );
    expect(Object.keys(validateRegistration(EMPTY_REGISTRATION)).sort()).toEqual(
      [
        'albo',
        'alboNumber',
        'alboProvince',
        'email',
        'entratelUserType',
        'fiscalCode',
        'name',
        'password',
        'username',
      ].sort(),
    );
  });
});
