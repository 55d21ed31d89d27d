/** How long a request has waited, in Italian: "da 3 giorni", "da 5 ore", "da 12 minuti", "da meno di un minuto". */
export function waitingFor(requestedAt: string, now: Date = new Date()): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - new Date(requestedAt).getTime()) / 60_000));
  if (minutes < 1) return 'da meno di un minuto';
  if (minutes < 60) return minutes === 1 ? 'da 1 minuto' : `da ${minutes} minuti`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return hours === 1 ? 'da 1 ora' : `da ${hours} ore`;
  const days = Math.floor(hours / 24);
  return days === 1 ? 'da 1 giorno' : `da ${days} giorni`;
}

/** "3 richieste in attesa", "1 richiesta assegnata", "Nessuna richiesta conclusa": `words` is (singular, plural). */
export function callbackTotal(count: number, words: readonly [string, string] | null): string {
  const word = (n: number) => (words ? ` ${n === 1 ? words[0] : words[1]}` : '');
  if (count === 0) return `Nessuna richiesta${word(1)}`;
  return count === 1 ? `1 richiesta${word(1)}` : `${count} richieste${word(count)}`;
}
