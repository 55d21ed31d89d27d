import { Button } from 'design-react-kit';
import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { LoadMore } from '../../shared/components/LoadMore';
import { useConnectionQuery } from '../../shared/components/useConnectionQuery';
import { FollowUpItem, followUpName, type FollowUp } from './FollowUpItem';
import { FollowUpCompleteMutation, FollowUpListQuery } from './operations';
import { TextDialog } from './TextDialog';

/** The operator's open follow-up items ("Attività da completare"), each completed in a dialog. */
export function MyFollowUpsPanel() {
  const { nodes, fetching, error, hasNextPage, totalCount, loadMore, refresh } = useConnectionQuery({
    query: FollowUpListQuery,
    variables: { mineOnly: true, status: 'OPEN' },
    connection: (data) => data.followUps,
  });
  const [, complete] = useMutation(FollowUpCompleteMutation);
  const [completing, setCompleting] = useState<FollowUp | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const late = nodes.filter((item) => item.overdue).length;
  // Once an item is completed its button is gone: focus goes to the list's heading, under the notice.
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (done) headingRef.current?.focus();
  }, [done]);

  return (
    <section aria-labelledby="wl-followups" className="my-5">
      <h2 id="wl-followups" className="h4" ref={headingRef} tabIndex={-1}>
        Attività da completare
      </h2>
      <div aria-live="polite">{done ? <p className="alert alert-success">Attività completata: {done}.</p> : null}</div>
      <ErrorDisplay error={error} headingLevel={3} onRetry={refresh} />
      {fetching && nodes.length === 0 ? <Loading /> : null}
      {!fetching && !error && nodes.length === 0 ? <EmptyState title="Nessuna attività da completare" /> : null}
      {late > 0 ? (
        <p>
          <strong>{late === 1 ? '1 attività in ritardo' : `${late} attività in ritardo`}</strong>
        </p>
      ) : null}
      {nodes.length > 0 ? (
        <ul className="list-unstyled" aria-label="Attività da completare">
          {nodes.map((item) => (
            <FollowUpItem key={item.id} item={item}>
              <Button
                color="primary"
                size="sm"
                className="mt-2"
                onClick={() => {
                  setDone(null);
                  setCompleting(item);
                }}
              >
                Completa<span className="visually-hidden"> l&apos;attività di {followUpName(item)}</span>
              </Button>
            </FollowUpItem>
          ))}
        </ul>
      ) : null}
      {nodes.length > 0 ? (
        <LoadMore
          hasNextPage={hasNextPage}
          fetching={fetching}
          onLoadMore={loadMore}
          shown={nodes.length}
          total={totalCount}
        />
      ) : null}
      {completing ? (
        <TextDialog
          title={`Completa l'attività: ${followUpName(completing)}`}
          label="Che cosa è stato fatto"
          field="outcome"
          confirmLabel="Completa"
          onClose={() => setCompleting(null)}
          onReload={refresh}
          onSubmit={async (outcome) => {
            const result = await complete({ id: completing.id, version: completing.version, outcome });
            if (!result.error) {
              setDone(followUpName(completing));
              setCompleting(null);
              refresh();
            }
            return result;
          }}
        />
      ) : null}
    </section>
  );
}
