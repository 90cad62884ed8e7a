import { useEffect, useState } from 'preact/hooks';

/**
 * Paths in the address bar (the host serves index.html for every console path), moved with the
 * History API. `route('/grid/cases/:caseId')` matches and names its parameters.
 */
const listeners = new Set<() => void>();

export function navigate(to: string, { replace = false } = {}): void {
  if (replace) history.replaceState(null, '', to);
  else history.pushState(null, '', to);
  for (const l of listeners) l();
  window.scrollTo(0, 0);
}

addEventListener('popstate', () => {
  for (const l of listeners) l();
});

export function useLocation(): URL {
  const [, setTick] = useState(0);
  const rendered = location.href;
  useEffect(() => {
    const l = () => setTick((t) => t + 1);
    listeners.add(l);
    // A navigation made during the first render (a signed-out visit sent to sign in) came before this listened.
    if (location.href !== rendered) l();
    return () => void listeners.delete(l);
  }, []);
  return new URL(location.href);
}

export function match(pattern: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const re = new RegExp(`^${pattern.replace(/:(\w+)/g, (_m, name: string) => (names.push(name), '([^/]+)'))}/?$`);
  const m = re.exec(path);
  if (!m) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
}

/** A link that moves within the console without reloading it. */
export function linkClick(to: string) {
  return (e: MouseEvent) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(to);
  };
}
