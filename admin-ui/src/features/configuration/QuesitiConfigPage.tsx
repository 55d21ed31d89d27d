import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { Loading } from '../../shared/components/Loading';
import { SelectField } from '../../shared/components/fields';
import { usePageTitle } from '../../shared/components/usePageTitle';
import { useMe } from '../auth';
import { ClassificationsPanel } from './ClassificationsPanel';
import { NewClassificationForm } from './NewClassificationForm';
import { ConfigRegionsQuery } from './operations';
import { configScopes } from './scopes';
import { SlaPanel } from './SlaPanel';

export const QUESITI_CONFIG_PATH = '/configurazione-quesiti';

/** Classifications and answer times of the quesiti, for one region (and nationally, for an administrator). */
export function QuesitiConfigPage() {
  usePageTitle('Configurazione quesiti');
  const me = useMe();
  const [{ data, fetching, error }] = useQuery({ query: ConfigRegionsQuery });
  const regions = data?.orgUnits.nodes ?? [];
  const [picked, setPicked] = useState('');
  const region = regions.find((r) => r.code === picked) ?? regions[0];
  const scopes = region ? configScopes(me, region) : [];

  return (
    <>
      <h1>Configurazione quesiti</h1>
      <p>Classificazioni e tempi di risposta dei quesiti al CRIC: nazionali o della regione scelta.</p>
      <ErrorDisplay error={error} />
      {fetching && !data ? <Loading /> : null}
      {regions.length > 1 ? (
        <div className="row">
          <div className="col-md-6">
            <SelectField label="Regione" value={region?.code ?? ''} onChange={setPicked}>
              {regions.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name}
                </option>
              ))}
            </SelectField>
          </div>
        </div>
      ) : null}
      {region ? (
        <div key={region.code}>
          {regions.length === 1 ? <p className="lead">{region.name}</p> : null}
          <ClassificationsPanel
            regionCode={region.code}
            regionName={region.name}
            managesNational={me.assignments.some((a) => a.role === 'ADMIN')}
          />
          <NewClassificationForm scopes={scopes} />
          <SlaPanel regionCode={region.code} scopes={scopes} />
        </div>
      ) : null}
    </>
  );
}
