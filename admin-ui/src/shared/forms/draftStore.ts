/**
 * Form drafts kept in sessionStorage so that what a person typed survives the
 * session expiring and signing in again in the same tab. Drafts belong to one
 * person: signing in as someone else, or signing out, discards them.
 */
const PREFIX = 'accoglienza.draft.';
const OWNER_KEY = 'accoglienza.draftOwner';

export function readDraft<T>(key: string): T | undefined {
  const raw = sessionStorage.getItem(PREFIX + key);
  if (raw === null) return undefined;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return undefined;
  }
}

export function writeDraft<T>(key: string, value: T): void {
  sessionStorage.setItem(PREFIX + key, JSON.stringify(value));
}

export function removeDraft(key: string): void {
  sessionStorage.removeItem(PREFIX + key);
}

export function clearDrafts(): void {
  const keys: string[] = [];
  for (let i = 0; i < sessionStorage.length; i++) {
    const key = sessionStorage.key(i);
    if (key?.startsWith(PREFIX)) keys.push(key);
  }
  keys.forEach((key) => sessionStorage.removeItem(key));
  sessionStorage.removeItem(OWNER_KEY);
}

/** Called at sign-in: keeps the drafts if they are this person's, else discards them. */
export function claimDrafts(username: string): void {
  if (sessionStorage.getItem(OWNER_KEY) !== username) clearDrafts();
  sessionStorage.setItem(OWNER_KEY, username);
}
