import { identityOf, type Identity } from './identity';

/**
 * The signed-in user's tokens, kept for this tab only (sessionStorage): closing the tab signs out.
 * The token itself is never shown; screens see the identity it carries.
 */
interface Stored {
  idToken: string;
  refreshToken?: string;
}

const KEY = 'minqing.session';
const listeners = new Set<() => void>();

function read(): Stored | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as Stored) : undefined;
  } catch {
    return undefined;
  }
}

export const session = {
  token(): string | undefined {
    return read()?.idToken;
  },
  refreshToken(): string | undefined {
    return read()?.refreshToken;
  },
  /** The identity while its token is still good (a minute to spare), else undefined. */
  identity(now = Date.now()): Identity | undefined {
    const token = read()?.idToken;
    const who = token ? identityOf(token) : undefined;
    return who && who.expiresAt - 60_000 > now ? who : undefined;
  },
  save(idToken: string, refreshToken?: string): void {
    sessionStorage.setItem(KEY, JSON.stringify({ idToken, ...(refreshToken ? { refreshToken } : {}) }));
    for (const l of listeners) l();
  },
  clear(): void {
    sessionStorage.removeItem(KEY);
    for (const l of listeners) l();
  },
  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
