import { useCallback, useEffect, useState } from 'preact/hooks';
import { explain } from '../api/problem';

/** Data loaded when a screen opens (and again on `reload`), with the failure as a sentence. */
export function useLoad<T>(load: () => Promise<T>, deps: unknown[] = []) {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: true });
  const run = useCallback(() => {
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => setState({ data, loading: false }),
      (err: unknown) => setState({ error: explain(err), loading: false }),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  useEffect(run, [run]);
  return { ...state, reload: run };
}

/** An action's state: busy while it runs, its failure as a sentence, its success message. */
export function useAction() {
  const [state, setState] = useState<{ busy: boolean; error?: string; done?: string }>({ busy: false });
  const run = async (work: () => Promise<string | void>) => {
    setState({ busy: true });
    try {
      const done = await work();
      setState({ busy: false, ...(done ? { done } : {}) });
      return true;
    } catch (err) {
      setState({ busy: false, error: explain(err) });
      return false;
    }
  };
  return { ...state, run };
}
