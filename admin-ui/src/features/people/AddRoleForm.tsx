import { Button } from 'design-react-kit';
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { fieldErrorsOf, withoutFieldErrors } from '../../shared/api/errors';
import { describeAssignment } from '../auth';
import { EmptyState } from '../../shared/components/EmptyState';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { useFocusFirstInvalid } from '../../shared/components/useFocusFirstInvalid';
import { useDraft } from '../../shared/forms/useDraft';
import {
  AssignmentFields,
  EMPTY_ASSIGNMENT,
  assignmentInput,
  validateAssignment,
  type AssignmentDraft,
  type AssignmentErrors,
} from './AssignmentFields';
import { PersonAssignRoleMutation } from './operations';
import type { GrantOptions } from './useGrantOptions';

const ASSIGNMENT_FIELDS = ['role', 'unitCode', 'section'];

interface AddRoleFormProps {
  username: string;
  grants: GrantOptions;
  /** Called with the new assignment described in words. */
  onAdded: (description: string) => void;
}

/** Grants one more role to a person: only roles and units the signed-in person may grant. */
export function AddRoleForm({ username, grants, onAdded }: AddRoleFormProps) {
  const [draft, setDraft, discardDraft] = useDraft<AssignmentDraft>(`person-assign:${username}`, EMPTY_ASSIGNMENT);
  const [errors, setErrors] = useState<AssignmentErrors>({});
  const [{ fetching, error }, assignRole] = useMutation(PersonAssignRoleMutation);
  const { formRef, focusFirstInvalid } = useFocusFirstInvalid();

  if (grants.loading) return <Loading label="Caricamento dei ruoli che puoi assegnare…" />;
  if (grants.error) return <ErrorDisplay error={grants.error} headingLevel={3} onRetry={grants.refresh} />;
  if (grants.options.length === 0) return <EmptyState title="Non ci sono ruoli che puoi assegnare" />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const found = validateAssignment(draft, grants.options);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      focusFirstInvalid();
      return;
    }
    const result = await assignRole(
      { username, input: assignmentInput(draft) },
      { additionalTypenames: ['Person', 'PersonAssignment'] },
    );
    const added = result.data?.assignRole;
    if (added) {
      discardDraft();
      onAdded(
        describeAssignment({
          role: added.role,
          unitName: added.unit?.name,
          unitCode: added.unit?.code,
          section: added.section,
        }),
      );
    } else {
      // The server's messages for a field go under that field.
      setErrors(fieldErrorsOf(result.error) as AssignmentErrors);
      focusFirstInvalid();
    }
  };

  return (
    <form ref={formRef} onSubmit={submit} noValidate aria-busy={fetching} className="mt-4">
      <ErrorDisplay error={withoutFieldErrors(error, ASSIGNMENT_FIELDS)} headingLevel={3} />
      <AssignmentFields
        value={draft}
        onChange={(next) => {
          setDraft(next);
          setErrors({});
        }}
        options={grants.options}
        errors={errors}
        disabled={fetching}
      />
      <Button color="primary" size="sm" type="submit" disabled={fetching}>
        {fetching ? 'Invio in corso…' : 'Aggiungi ruolo'}
      </Button>
    </form>
  );
}
