import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { Provider as UrqlProvider, type Client, type OperationResult } from 'urql';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSubject } from 'wonka';
import { fakeClient } from '../../test/fakes';
import { MAX_WAIT_MS, QUIET_MS, useOfficeBoardChanges, useRefreshOn } from './useOfficeBoardChanges';

function setup(unitId: string | undefined) {
  const live = makeSubject<OperationResult>();
  const client = fakeClient(() => 'pending');
  const subscribe = vi.fn(() => live.source);
  (client as unknown as { executeSubscription: typeof subscribe }).executeSubscription = subscribe;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <UrqlProvider value={client as Client}>{children}</UrqlProvider>
  );
  const hook = renderHook(() => useOfficeBoardChanges(unitId), { wrapper });
  let n = 0;
  const push = () =>
    act(() => {
      n += 1;
      live.next({
        data: { officeBoardChanged: { unitId, seenAt: `2026-12-07T09:00:0${n % 10}Z` } },
      } as unknown as OperationResult);
    });
  const wait = (ms: number) =>
    act(() => {
      vi.advanceTimersByTime(ms);
    });
  return { hook, push, wait, subscribe };
}

describe('useOfficeBoardChanges', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("subscribes to the office's changes and counts a burst once, after it quiets down", () => {
    const { hook, push, wait, subscribe } = setup('u-ca1');
    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(hook.result.current).toBe(0);
    push();
    push();
    wait(QUIET_MS - 100);
    push();
    wait(QUIET_MS - 1);
    expect(hook.result.current).toBe(0);
    wait(1);
    expect(hook.result.current).toBe(1);
    // The next change counts again.
    push();
    wait(QUIET_MS);
    expect(hook.result.current).toBe(2);
  });

  it('reads again within MAX_WAIT_MS however long the burst', () => {
    const { hook, push, wait } = setup('u-ca1');
    for (let elapsed = 0; elapsed < MAX_WAIT_MS; elapsed += QUIET_MS / 2) {
      push();
      wait(QUIET_MS / 2);
    }
    expect(hook.result.current).toBe(1);
  });

  it('does not subscribe without an office', () => {
    const { hook, subscribe } = setup(undefined);
    expect(subscribe).not.toHaveBeenCalled();
    expect(hook.result.current).toBe(0);
  });
});

describe('useRefreshOn', () => {
  it('refreshes each time the count moves, not when mounted', () => {
    const refresh = vi.fn();
    const { rerender } = renderHook(({ changes }) => useRefreshOn(changes, refresh), {
      initialProps: { changes: 0 },
    });
    expect(refresh).not.toHaveBeenCalled();
    rerender({ changes: 1 });
    rerender({ changes: 1 });
    expect(refresh).toHaveBeenCalledTimes(1);
    rerender({ changes: 2 });
    expect(refresh).toHaveBeenCalledTimes(2);
  });
});
