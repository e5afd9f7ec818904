// The care scheduler's `care-due` event, listened to once at the root: the count of today's messages due and waiting
// (the Care menu's badge), and a desktop notification, in the seller's language, when that count grew since the last
// one this session.
import { useEffect, useSyncExternalStore } from "react";
import i18n from "./i18n";
import { careDue } from "../ipc/commands";
import { onCareDue, type CareDue } from "../ipc/events";
import { notifyDesktop } from "../ipc/shell";

let due = 0;
/** The count the last notice was for, lowered as messages are dealt with, so only new ones notify again. */
let noticed = 0;
const listeners = new Set<() => void>();

/** Takes one scheduler report; returns whether it calls for a notification. */
export function takeCareDue(e: CareDue): boolean {
  due = e.due;
  listeners.forEach((l) => l());
  noticed = Math.min(noticed, e.due);
  if (e.due > 0 && e.due > noticed) {
    noticed = e.due;
    return true;
  }
  return false;
}

/** Tests start from a fresh session. */
export function resetCareDue(): void {
  due = 0;
  noticed = 0;
  listeners.forEach((l) => l());
}

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** Messages of today due and still waiting, as the scheduler last said (0 until it speaks). */
export const useCareDueCount = (): number => useSyncExternalStore(subscribe, () => due);

/** The count as the archive says it before the scheduler's first report (which may come before anyone listens). */
export function takeCareDueAtStart(count: number, heard: () => boolean): void {
  if (heard()) return;
  due = count;
  listeners.forEach((l) => l());
}

export function useCareDueBridge(): void {
  useEffect(() => {
    let unlisten: (() => void) | undefined;
    let cancelled = false;
    let heard = false;
    careDue()
      .then((count) => takeCareDueAtStart(count, () => heard || cancelled))
      .catch(() => undefined); // outside Tauri there is no archive to ask
    onCareDue((e) => {
      heard = true;
      if (takeCareDue(e)) {
        notifyDesktop(i18n.t("care.notify.title"), i18n.t("care.notify.body", { count: e.due })).catch(() => undefined);
      }
    })
      .then((fn) => (cancelled ? fn() : (unlisten = fn)))
      .catch(() => undefined); // outside Tauri there is no scheduler
    return () => {
      cancelled = true;
      unlisten?.();
    };
  }, []);
}
