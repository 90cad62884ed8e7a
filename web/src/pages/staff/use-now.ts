import { useEffect, useState } from 'preact/hooks';
import { serverNow, syncClock } from '../../ui/clock';

/** The system's now, read again every half minute so "time left" stays true while a screen is open. */
export function useNow(): number {
  const [now, setNow] = useState(serverNow);
  useEffect(() => {
    void syncClock().then(() => setNow(serverNow()));
    const timer = setInterval(() => setNow(serverNow()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
