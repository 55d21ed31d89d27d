import { useMemo } from 'react';
import type { CombinedError } from 'urql';
import { useMe } from '../auth';
import { useVisibleUnits, type UnitChoice } from '../org';
import { grantOptions, type GrantOption } from './grants';

export interface GrantOptions {
  /** Roles the signed-in person may grant, each with the units it fits. */
  options: GrantOption<UnitChoice>[];
  units: UnitChoice[];
  loading: boolean;
  error: CombinedError | undefined;
  refresh: () => void;
}

/** What the signed-in person may grant, and where: the visible units filtered by the grant rules. */
export function useGrantOptions(): GrantOptions {
  const me = useMe();
  const { units, loading, error, refresh } = useVisibleUnits();
  const options = useMemo(() => (loading ? [] : grantOptions(me.assignments, units)), [loading, me.assignments, units]);
  return { options, units, loading, error, refresh };
}
