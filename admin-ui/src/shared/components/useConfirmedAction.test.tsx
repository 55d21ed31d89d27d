import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { apiError } from '../../test/fakes';
import { useConfirmedAction } from './useConfirmedAction';

describe('useConfirmedAction', () => {
  it('keeps the dialog open with the refusal, then closes it and reports when the action succeeds', async () => {
    const run = vi
      .fn()
      .mockResolvedValueOnce({ error: apiError('CONFLICT', 'Già revocata') })
      .mockResolvedValueOnce({});
    const onDone = vi.fn();
    const { result } = renderHook(() => useConfirmedAction(run, onDone));
    expect(result.current.dialog.isOpen).toBe(false);

    act(() => result.current.ask({ id: 'k1' }));
    expect(result.current.dialog.isOpen).toBe(true);
    expect(result.current.target).toEqual({ id: 'k1' });

    await act(async () => result.current.dialog.onConfirm());
    expect(result.current.dialog.isOpen).toBe(true);
    expect(onDone).not.toHaveBeenCalled();
    expect(result.current.dialog.error.props.error).toBeDefined();

    await act(async () => result.current.dialog.onConfirm());
    expect(run).toHaveBeenCalledTimes(2);
    expect(result.current.dialog.isOpen).toBe(false);
    expect(onDone).toHaveBeenCalledWith({ id: 'k1' });
  });

  it('forgets the last refusal when asked about another record', async () => {
    const run = vi.fn().mockResolvedValue({ error: apiError('FORBIDDEN', 'No') });
    const { result } = renderHook(() => useConfirmedAction(run, () => {}));
    act(() => result.current.ask('a'));
    await act(async () => result.current.dialog.onConfirm());
    act(() => result.current.dialog.onCancel());
    act(() => result.current.ask('b'));
    expect(result.current.dialog.error.props.error).toBeUndefined();
  });
});
