import { config } from '../config';
import { navigate } from '../router';
import type { Role } from './identity';
import { beginSignIn, refresh, signOutUrl } from './oidc';
import { session } from './session';

/** Where each role starts. */
export const HOME: Record<Role, string> = { admin: '/admin', 'grid-worker': '/grid', department: '/dept', volunteer: '/volunteer' };

/** Sends the user to sign in (the picker locally, the provider on AWS), to come back to `next`. */
export async function requireSignIn(next: string): Promise<void> {
  const auth = config().auth;
  if (auth.kind === 'oidc' && (await refresh(auth))) return;
  if (auth.kind === 'oidc') return beginSignIn(auth, next);
  navigate(`/signin?next=${encodeURIComponent(next)}`, { replace: true });
}

export async function signOut(): Promise<void> {
  session.clear();
  const auth = config().auth;
  const url = auth.kind === 'oidc' ? await signOutUrl(auth) : undefined;
  if (url) location.assign(url);
  else navigate('/');
}
