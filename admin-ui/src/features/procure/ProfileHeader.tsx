import { Callout, CalloutText, CalloutTitle } from 'design-react-kit';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { formatDateTime } from '../../shared/format/dateTime';
import { PROFESSION_CATEGORY_LABELS } from './labels';
import { profileProblem, useProfessionalProfile } from './useProfessionalProfile';

/** Who the professional is in the register, or what to do when they cannot declare procure. */
export function ProfileHeader() {
  const { profile, loaded, fetching, error, reload } = useProfessionalProfile();
  if (error) return <ErrorDisplay error={error} headingLevel={2} onRetry={reload} />;
  if (!loaded) return fetching ? <Loading label="Caricamento del profilo…" /> : null;
  const problem = profileProblem(profile);
  return (
    <section aria-labelledby="procure-profile" className="mb-4">
      <h2 id="procure-profile" className="visually-hidden">
        Il tuo profilo professionale
      </h2>
      {profile ? (
        <dl className="row mb-0 small" data-testid="professional-profile">
          <dt className="col-sm-3 col-lg-2">Professionista</dt>
          <dd className="col-sm-9 col-lg-4">
            {profile.name} ({profile.fiscalCode})
          </dd>
          <dt className="col-sm-3 col-lg-2">Categoria</dt>
          <dd className="col-sm-9 col-lg-4">
            {PROFESSION_CATEGORY_LABELS[profile.category]} — Entratel {profile.entratelUserType}
          </dd>
          <dt className="col-sm-3 col-lg-2">Albo</dt>
          <dd className="col-sm-9 col-lg-4">
            {profile.albo.name} ({profile.albo.province}), n. {profile.albo.number}
          </dd>
          <dt className="col-sm-3 col-lg-2">Verifica</dt>
          <dd className="col-sm-9 col-lg-4">
            {profile.verified
              ? `Verificato${profile.verifiedAt ? ` il ${formatDateTime(profile.verifiedAt)}` : ''}`
              : 'In attesa di verifica'}
          </dd>
        </dl>
      ) : null}
      {problem ? (
        <Callout color="warning" className="my-3" data-testid="profile-problem">
          <CalloutTitle>
            <span className="text">{problem.title}</span>
          </CalloutTitle>
          <CalloutText>{problem.text}</CalloutText>
        </Callout>
      ) : null}
    </section>
  );
}
