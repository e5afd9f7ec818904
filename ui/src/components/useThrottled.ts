// A value that follows its input at most once per interval, and always ends on the latest input.
// Dragging a slider then updates what depends on it several times a second instead of only when the drag stops.
import { useEffect, useRef, useState } from "react";

export function useThrottled<T>(value: T, intervalMs: number): T {
  const [shown, setShown] = useState(value);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + intervalMs - Date.now());
    const id = window.setTimeout(() => {
      last.current = Date.now();
      setShown(value);
    }, wait);
    return () => window.clearTimeout(id);
  }, [value, intervalMs]);
  return shown;
}
