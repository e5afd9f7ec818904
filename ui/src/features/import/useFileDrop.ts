// Files dragged onto the window (Tauri's native drag-and-drop gives their paths). Outside Tauri it does nothing.
import { useEffect, useRef, useState } from "react";
import { onFileDrop } from "../../ipc/events";

/** Calls `onDrop` with the dropped paths; `hovering` is true while files are dragged over the window. */
export function useFileDrop(onDrop: (paths: string[]) => void, enabled: boolean): { hovering: boolean } {
  const [hovering, setHovering] = useState(false);
  const latest = useRef({ onDrop, enabled });
  latest.current = { onDrop, enabled };

  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let gone = false;
    onFileDrop((e) => {
      if (e.type === "hover") setHovering(latest.current.enabled);
      else setHovering(false);
      if (e.type === "drop" && latest.current.enabled && e.paths.length > 0) latest.current.onDrop(e.paths);
    })
      .then((fn) => (gone ? fn() : (unlisten = fn)))
      .catch(() => undefined); // not in Tauri (tests, browser preview): no native drops
    return () => {
      gone = true;
      unlisten?.();
    };
  }, []);

  return { hovering };
}
