import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { SelectField } from '../../shared/components/fields';
import { AuditActorsQuery } from './operations';

/** How many people the picker lists at once; past that, a search narrows them. */
const SHOWN = 100;

/**
 * The audit's "Autore", picked by name among the people whose actions the caller may read (the
 * username is what the filter takes, never typed). With many people, part of a name narrows the
 * list. A username from the address that is not among them (e.g. a failed sign-in's) is kept.
 */
export function ActorPicker({ value, onChange }: { value: string; onChange: (username: string) => void }) {
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  // Asks the server once the person stops typing.
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const [{ data, fetching }] = useQuery({
    query: AuditActorsQuery,
    variables: { search: search || null, first: SHOWN },
  });
  const people = [...(data?.auditActors.nodes ?? [])].sort((a, b) => a.displayName.localeCompare(b.displayName, 'it'));
  const many = (data?.auditActors.nodes.length ?? 0) >= SHOWN || search !== '';
  return (
    <>
      {many ? (
        <div className="form-group mb-2">
          <label htmlFor="audit-actor-search" className="active">
            Cerca l'autore per nome
          </label>
          <input
            id="audit-actor-search"
            type="search"
            className="form-control"
            value={text}
            onChange={(event) => setText(event.target.value)}
            autoComplete="off"
          />
        </div>
      ) : null}
      <SelectField
        label="Autore"
        value={value}
        onChange={onChange}
        hint={fetching && !data ? 'Caricamento delle persone…' : 'Chi ha agito'}
      >
        <option value="">Tutte le persone</option>
        {people.map((person) => (
          <option key={person.username} value={person.username}>
            {person.displayName} ({person.username})
          </option>
        ))}
        {value && !people.some((person) => person.username === value) ? <option value={value}>{value}</option> : null}
      </SelectField>
    </>
  );
}
