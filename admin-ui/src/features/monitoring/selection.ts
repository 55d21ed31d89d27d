import { defaultRange, type DateRange } from './range';

export const MONITORING_PATH = '/monitoraggio';

/** What the screen shows: a unit and a period. Kept in the address (`unita`, `dal`, `al`). */
export interface Selection extends DateRange {
  unitCode: string;
}

const PARAMS: Record<keyof Selection, string> = { unitCode: 'unita', from: 'dal', to: 'al' };

/**
 * The selection in the address, with the defaults for what is missing: the
 * person's top unit and the last 30 days. `complete` tells whether the
 * address already names all three.
 */
export function selectionFrom(
  params: URLSearchParams,
  defaultUnit: string,
  today: string,
): Selection & { complete: boolean } {
  const range = defaultRange(today);
  const unitCode = params.get(PARAMS.unitCode)?.trim() ?? '';
  const from = params.get(PARAMS.from)?.trim() ?? '';
  const to = params.get(PARAMS.to)?.trim() ?? '';
  return {
    unitCode: unitCode || defaultUnit,
    from: from || range.from,
    to: to || range.to,
    complete: !!(unitCode && from && to),
  };
}

/** `unita=DR-SAR&dal=2026-10-23&al=2026-11-22` (empty values left out). */
export function selectionSearch(selection: Selection): string {
  const params = new URLSearchParams();
  for (const key of ['unitCode', 'from', 'to'] as const) {
    if (selection[key]) params.set(PARAMS[key], selection[key]);
  }
  return params.toString();
}

/** The address of the screen for a selection: what drill-down links point to. */
export function monitoringHref(selection: Selection): string {
  const search = selectionSearch(selection);
  return search ? `${MONITORING_PATH}?${search}` : MONITORING_PATH;
}

/** `monitoraggio-DR-SAR-2026-11-01-2026-11-22.csv` */
export function csvFileName({ unitCode, from, to }: Selection): string {
  const safe = unitCode.replace(/[^A-Za-z0-9_-]/g, '_');
  return `monitoraggio-${safe}-${from}-${to}.csv`;
}
