import { useEffect } from 'react';
import type { CombinedError } from 'urql';
import { MAX_PAGE_SIZE, useConnectionQuery } from '../../shared/components/useConnectionQuery';
import type { PersonShowQuery } from '../../gql/graphql';
import { PersonShowQuery as PersonShowDocument } from './operations';

export type PersonDetail = PersonShowQuery['people']['nodes'][number];

/**
 * What to search for to find `username` among people: the server drops `%`
 * and `_` from a search, so the longest run without them is used.
 */
export function searchTermFor(username: string): string {
  return username.split(/[%_]/).reduce((longest, part) => (part.length > longest.length ? part : longest), '');
}

export interface PersonLookup {
  person: PersonDetail | undefined;
  /** True while looking; false once found, or once every matching page was read. */
  fetching: boolean;
  error: CombinedError | undefined;
  refresh: () => void;
}

/**
 * One person the caller manages, by username. The API has no lookup by
 * username, so this searches `people` and reads pages until the exact username
 * turns up; nobody outside the caller's scope is ever returned.
 */
export function usePerson(username: string): PersonLookup {
  const { nodes, fetching, error, hasNextPage, loadMore, refresh } = useConnectionQuery({
    query: PersonShowDocument,
    variables: { search: searchTermFor(username) },
    connection: (data) => data.people,
    pageSize: MAX_PAGE_SIZE,
  });
  const person = nodes.find((node) => node.username === username);
  useEffect(() => {
    if (!person && hasNextPage && !fetching && !error) loadMore();
  }, [person, hasNextPage, fetching, error, loadMore]);
  return { person, fetching: !person && (fetching || (hasNextPage && !error)), error, refresh };
}
