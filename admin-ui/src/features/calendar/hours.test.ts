import { describe, expect, it } from 'vitest';
import { emptyWeek, validateWeek, weekFromApi, weekToInput } from './hours';

describe('validateWeek', () => {
  it('accepts an empty week and a morning and afternoon', () => {
    const week = emptyWeek();
    expect(validateWeek(week)).toEqual({});
    week.MONDAY = [
      { opens: '08:45', closes: '12:45' },
      { opens: '14:30', closes: '16:30' },
    ];
    expect(validateWeek(week)).toEqual({});
  });

  it('asks for both times', () => {
    const week = emptyWeek();
    week.TUESDAY = [{ opens: '09:00', closes: '' }];
    expect(validateWeek(week)).toEqual({ 'TUESDAY.0': "Indica l'ora di apertura e quella di chiusura." });
  });

  it('refuses an interval that closes before it opens, or at the same time', () => {
    const week = emptyWeek();
    week.FRIDAY = [
      { opens: '13:00', closes: '09:00' },
      { opens: '15:00', closes: '15:00' },
    ];
    const errors = validateWeek(week);
    expect(errors['FRIDAY.0']).toBe("L'apertura deve precedere la chiusura.");
    expect(errors['FRIDAY.1']).toBe("L'apertura deve precedere la chiusura.");
  });

  it('flags the later of two overlapping intervals of a day, not those of different days', () => {
    const week = emptyWeek();
    week.MONDAY = [
      { opens: '08:00', closes: '12:00' },
      { opens: '11:00', closes: '13:00' },
    ];
    week.TUESDAY = [{ opens: '11:00', closes: '13:00' }];
    expect(validateWeek(week)).toEqual({ 'MONDAY.1': 'Si sovrappone a un altro orario di lunedì.' });
  });

  it('accepts intervals that only touch', () => {
    const week = emptyWeek();
    week.MONDAY = [
      { opens: '08:00', closes: '12:00' },
      { opens: '12:00', closes: '13:00' },
    ];
    expect(validateWeek(week)).toEqual({});
  });

  it('allows at most four intervals a day', () => {
    const week = emptyWeek();
    week.SATURDAY = ['08', '10', '12', '14', '16'].map((h) => ({ opens: `${h}:00`, closes: `${h}:30` }));
    expect(validateWeek(week)).toEqual({ 'SATURDAY.4': 'Al più 4 orari al giorno.' });
  });
});

describe('weekFromApi and weekToInput', () => {
  it('round-trip the API times, in day and opening order', () => {
    const week = weekFromApi([
      { weekday: 'TUESDAY', opens: '14:30:00', closes: '16:30:00' },
      { weekday: 'TUESDAY', opens: '08:45:00', closes: '12:45:00' },
      { weekday: 'MONDAY', opens: '08:45:00', closes: '12:45:00' },
    ]);
    expect(week.TUESDAY).toEqual([
      { opens: '08:45', closes: '12:45' },
      { opens: '14:30', closes: '16:30' },
    ]);
    expect(weekToInput(week)).toEqual([
      { weekday: 'MONDAY', opens: '08:45:00', closes: '12:45:00' },
      { weekday: 'TUESDAY', opens: '08:45:00', closes: '12:45:00' },
      { weekday: 'TUESDAY', opens: '14:30:00', closes: '16:30:00' },
    ]);
  });
});
