import { createContext, useContext } from 'react';
import type { MeShowQuery } from '../../gql/graphql';

export type Me = MeShowQuery['me'];
export type RoleAssignment = Me['assignments'][number];

export const MeContext = createContext<Me | null>(null);

/** The signed-in person; only inside <MeProvider>, i.e. on the screens behind sign-in. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used inside <MeProvider>');
  return me;
}
