import { useQuery } from 'urql';
import type { UnitPurpose } from '../../gql/graphql';
import { ErrorDisplay } from '../../shared/components/ErrorDisplay';
import { SelectField } from '../../shared/components/fields';
import { PickableRegionsQuery, PickableUnitsQuery } from './operations';

export interface PickedUnit {
  code: string;
  name: string;
  virtualCounter: boolean;
}

export interface RegionUnitValue {
  regionCode: string;
  unit: PickedUnit | null;
}

export const NO_REGION_UNIT: RegionUnitValue = { regionCode: '', unit: null };

/**
 * Picks a unit by name in two steps, region then unit, among those the caller may pick for
 * `purpose` (the CCM: offices to book at and provincial directorates to ask for a callback, in
 * every region). Codes are what the API takes; people see names only.
 */
export function RegionUnitPicker({
  purpose,
  unitLabel,
  value,
  onChange,
  error,
}: {
  purpose: UnitPurpose;
  unitLabel: string;
  value: RegionUnitValue;
  onChange: (value: RegionUnitValue) => void;
  error?: string;
}) {
  const [regions] = useQuery({ query: PickableRegionsQuery, variables: { purpose } });
  const [units] = useQuery({
    query: PickableUnitsQuery,
    variables: { purpose, regionCode: value.regionCode },
    pause: !value.regionCode,
  });
  const unitChoices = value.regionCode ? (units.data?.pickableUnits ?? []) : [];
  return (
    <div className="row">
      <div className="col-md-6">
        <SelectField
          label="Regione *"
          value={value.regionCode}
          onChange={(regionCode) => onChange({ regionCode, unit: null })}
          error={!value.regionCode ? error : undefined}
        >
          <option value="">{regions.fetching ? 'Caricamento…' : 'Scegli la regione'}</option>
          {(regions.data?.pickableRegions ?? []).map((region) => (
            <option key={region.code} value={region.code}>
              {region.name}
            </option>
          ))}
        </SelectField>
        <ErrorDisplay error={regions.error} headingLevel={4} />
      </div>
      <div className="col-md-6">
        <SelectField
          label={`${unitLabel} *`}
          value={value.unit?.code ?? ''}
          onChange={(code) => {
            const unit = unitChoices.find((u) => u.code === code);
            onChange({
              regionCode: value.regionCode,
              unit: unit ? { code: unit.code, name: unit.name, virtualCounter: unit.virtualCounter } : null,
            });
          }}
          disabled={!value.regionCode}
          error={value.regionCode && !value.unit ? error : undefined}
        >
          <option value="">
            {value.regionCode ? (units.fetching ? 'Caricamento…' : 'Scegli') : 'Prima scegli la regione'}
          </option>
          {unitChoices.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name}
            </option>
          ))}
        </SelectField>
        <ErrorDisplay error={units.error} headingLevel={4} />
      </div>
    </div>
  );
}
