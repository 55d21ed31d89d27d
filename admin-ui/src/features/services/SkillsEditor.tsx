import { Button } from 'design-react-kit';
import { useId, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { MutationError } from '../../shared/components/MutationError';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { StaffPicker, type StaffChoice } from '../people';
import { OperatorSkillsSetMutation, OperatorSkillsShowQuery, ServiceListQuery } from './operations';

/** An operator's skills at the office: the services they can give, as checkboxes (docs/domain.md §5.5). */
export function SkillsEditor({
  officeCode,
  staff,
  readOnly,
}: {
  officeCode: string;
  /** The office's people, to pick the operator by name. */
  staff: readonly StaffChoice[];
  readOnly: boolean;
}) {
  const id = useId();
  const [username, setUsername] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const [saved, setSaved] = useState(false);
  const [services] = useQuery({ query: ServiceListQuery });
  const [skills, reexecute] = useQuery({
    query: OperatorSkillsShowQuery,
    variables: { username: username ?? '', officeCode },
    pause: !username,
  });
  const [state, save] = useMutation(OperatorSkillsSetMutation);
  const current = selected ?? new Set(skills.data?.operatorSkills.services.map((s) => s.code) ?? []);

  const pick = (picked: string) => {
    setSelected(null);
    setSaved(false);
    setUsername(picked || null);
  };

  return (
    <section aria-labelledby={`${id}-title`} className="my-5">
      <h2 id={`${id}-title`} className="h4">
        Competenze degli operatori
      </h2>
      <StaffPicker
        id={`${id}-user`}
        label="Operatore"
        staff={staff}
        value={username ?? ''}
        onChange={pick}
        emptyLabel="Scegli un operatore"
        className="select-wrapper"
      />
      {username ? (
        <>
          <ErrorDisplay
            error={skills.error ?? services.error}
            headingLevel={3}
            headings={{ NOT_FOUND: 'Operatore non trovato' }}
          />
          {(skills.fetching || services.fetching) && !skills.data ? <Loading /> : null}
          {skills.data && services.data ? (
            <form
              className="mt-3"
              onSubmit={async (event) => {
                event.preventDefault();
                const answer = await save({ username, serviceCodes: [...current], officeCode });
                if (!answer.error) {
                  setSaved(true);
                  setSelected(null);
                  reexecute({ requestPolicy: 'network-only' });
                }
              }}
            >
              <fieldset disabled={readOnly}>
                <legend className="h6">
                  Servizi che {staff.find((person) => person.username === username)?.displayName ?? username} può
                  erogare
                </legend>
                {services.data.services
                  .filter((s) => s.active)
                  .map((service) => (
                    <div className="form-check" key={service.code}>
                      <input
                        id={`${id}-svc-${service.code}`}
                        type="checkbox"
                        checked={current.has(service.code)}
                        onChange={(event) => {
                          const next = new Set(current);
                          if (event.target.checked) next.add(service.code);
                          else next.delete(service.code);
                          setSelected(next);
                          setSaved(false);
                        }}
                      />
                      <label htmlFor={`${id}-svc-${service.code}`}>
                        {service.name} ({service.code}){service.fast ? ' — servizio veloce' : ''}
                      </label>
                    </div>
                  ))}
              </fieldset>
              <MutationError error={state.error} />
              {readOnly ? null : (
                <Button type="submit" color="primary" size="sm" disabled={state.fetching}>
                  Salva competenze
                </Button>
              )}
              <span aria-live="polite" className="ms-3">
                {saved ? 'Competenze salvate.' : ''}
              </span>
            </form>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
