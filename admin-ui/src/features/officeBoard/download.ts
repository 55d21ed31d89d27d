/** Offers bytes as a file download through a temporary `<a download>`. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The CSV with a UTF-8 byte-order mark, so spreadsheets read "Modalità" right. */
export function csvBlob(text: string): Blob {
  return new Blob(['\uFEFF', text], { type: 'text/csv;charset=utf-8' });
}

/** The XLSX workbook the API sends base64-encoded. */
export function xlsxBlob(base64: string): Blob {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}

/** `assegnazione-UT-CA1-2026-12-07.xlsx`, as the API names the sheet's day. */
export function dayListFileName(officeCode: string, date: string, extension: 'csv' | 'xlsx'): string {
  return `assegnazione-${officeCode}-${date}.${extension}`;
}
