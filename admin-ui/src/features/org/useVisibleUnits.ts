import { useEffect } from 'react';
import type { CombinedError } from 'urql';
import { MAX_PAGE_SIZE, useConnectionQuery } from '../../shared/components/useConnectionQuery';
import type { UnitKind } from '../../gql/graphql';
import { OrgUnitChoicesQuery } from './operations';

export interface UnitChoice {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  /** Materialised path, e.g. `/IT/SAR/CA/CA1/`. */
  path: string;
}

export interface VisibleUnits {
  /** The units the person may see, in tree order; complete once `loading` is false. */
  units: UnitChoice[];
  loading: boolean;
  error: CombinedError | undefined;
  refresh: () => void;
}

/**
 * Every unit the signed-in person may see (`orgUnits`), all pages loaded one
 * after the other: what unit pickers and unit filters offer.
 */
export function useVisibleUnits(): VisibleUnits {
  const { nodes, fetching, error, hasNextPage, loadMore, refresh } = useConnectionQuery({
    query: OrgUnitChoicesQuery,
    variables: {},
    connection: (data) => data.orgUnits,
    pageSize: MAX_PAGE_SIZE,
  });
  useEffect(() => {
    if (hasNextPage && !fetching && !error) loadMore();
  }, [hasNextPage, fetching, error, loadMore]);
  return { units: nodes, loading: fetching || (hasNextPage && !error), error, refresh };
}

/** "UT Cagliari 2 (UT-CA2)": how a unit reads in a picker. */
export function unitChoiceLabel(unit: { code: string; name: string }): string {
  return `${unit.name} (${unit.code})`;
}
