/**
 * The bearer token lives in sessionStorage: it survives a reload of the tab,
 * not the closing of the browser, and is never shared between tabs.
 */
const TOKEN_KEY = 'accoglienza.token';

export const tokenStore = {
  get(): string | null {
    return sessionStorage.getItem(TOKEN_KEY);
  },
  set(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  clear(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};
