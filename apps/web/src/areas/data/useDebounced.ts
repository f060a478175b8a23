import { useEffect, useState } from 'react';

/** The value, once it has stopped changing for `ms` (compared by JSON, so new equal objects do not restart). */
export function useDebounced<T>(value: T, ms = 300): T {
  const [settled, setSettled] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [key, ms]); // eslint-disable-line react-hooks/exhaustive-deps
  return settled;
}
