import { act, renderHook } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { claimDrafts, readDraft, writeDraft } from './draftStore';
import { useDraft } from './useDraft';

describe('useDraft', () => {
  it('keeps what was typed across a remount (e.g. after signing in again)', () => {
    const first = renderHook(() => useDraft('quesito', { oggetto: '' }));
    act(() => first.result.current[1]({ oggetto: 'Pensione di reversibilità' }));
    first.unmount();

    const second = renderHook(() => useDraft('quesito', { oggetto: '' }));
    expect(second.result.current[0]).toEqual({ oggetto: 'Pensione di reversibilità' });
  });

  it('forgets the draft once the form has been sent', () => {
    const { result } = renderHook(() => useDraft('nota', ''));
    act(() => result.current[1]('testo'));
    act(() => result.current[2]());
    expect(result.current[0]).toBe('');
    expect(readDraft('nota')).toBeUndefined();
  });
});

describe('claimDrafts', () => {
  it("keeps a person's drafts when the same person signs in again", () => {
    claimDrafts('op.cagliari1');
    writeDraft('nota', 'testo');
    claimDrafts('op.cagliari1');
    expect(readDraft('nota')).toBe('testo');
  });

  it('discards them when someone else signs in in the same tab', () => {
    claimDrafts('op.cagliari1');
    writeDraft('nota', 'testo');
    claimDrafts('op2.cagliari1');
    expect(readDraft('nota')).toBeUndefined();
  });
});
