/** The XLSX workbook the API sends base64-encoded. */
export function xlsxBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** `assegnazione-UT-CA1-2026-12-07.xlsx`, as the API names the sheet's day. */
export function dayListFileName(officeCode: string, date: string, extension: 'csv' | 'xlsx'): string {
  return `assegnazione-${officeCode}-${date}.${extension}`;
}
