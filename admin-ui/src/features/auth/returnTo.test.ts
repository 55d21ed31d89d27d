import { describe, expect, it } from 'vitest';
import { returnPathFrom, safeReturnPath, signInPathFor } from './returnTo';

describe('return path after sign-in', () => {
  it('keeps a path of this app, with its query', () => {
    expect(returnPathFrom('?ritorno=%2Forganizzazione%2FDP-CA%3Fx%3D1')).toBe('/organizzazione/DP-CA?x=1');
  });

  it.each(['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null])(
    'refuses %j and goes home instead',
    (value) => {
      expect(safeReturnPath(value)).toBe('/');
    },
  );

  it('never returns to the sign-in page itself', () => {
    expect(safeReturnPath('/accesso?ritorno=%2Flista')).toBe('/');
  });

  it('builds a plain sign-in link for the home page', () => {
    expect(signInPathFor('/')).toBe('/accesso');
    expect(signInPathFor('/lista')).toBe('/accesso?ritorno=%2Flista');
  });
});
