/**
 * Offers text as a file download (Blob + a temporary `<a download>`), as the
 * browser saves any file. The file starts with a UTF-8 byte-order mark: without
 * it spreadsheet programs read the Italian headers ("Unità") as Latin-1.
 */
export function saveTextFile(fileName: string, text: string, type = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
