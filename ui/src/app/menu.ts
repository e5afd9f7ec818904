// The native menu bar and about box speak the UI's language: the labels of `menu.json` go to Rust (which builds the
// menu, src-tauri/src/menu.rs) when the UI starts and after every language change.
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { TFunction } from "i18next";
import type { MenuLabels } from "../bindings/MenuLabels";
import { menuSetLanguage } from "../ipc/commands";

/** Every label of the menu in the language of `t`; the keys are the DTO's, so the compiler names a missing one. */
export function menuLabels(t: TFunction): MenuLabels {
  const text = (key: keyof MenuLabels): string => t(`menu.${key}`);
  return {
    product: text("product"), about: text("about"), about_comments: text("about_comments"), copyright: text("copyright"),
    file: text("file"), quit: text("quit"), hide: text("hide"), hide_others: text("hide_others"), show_all: text("show_all"),
    edit: text("edit"), undo: text("undo"), redo: text("redo"), cut: text("cut"), copy: text("copy"), paste: text("paste"),
    select_all: text("select_all"), window: text("window"), minimize: text("minimize"), maximize: text("maximize"),
    fullscreen: text("fullscreen"), close_window: text("close_window"), help: text("help"),
  };
}

// One call at a time, in order: at start the system's language and the archive's saved one follow each other within
// milliseconds, and two calls racing in Rust could leave the menu in the first.
let sending: Promise<unknown> = Promise.resolve();

export function useMenuLanguage(): void {
  const { i18n } = useTranslation();
  const lang = i18n.language;
  useEffect(() => {
    const labels = menuLabels(i18n.getFixedT(lang));
    sending = sending.then(() => menuSetLanguage(labels)).catch(() => undefined); // outside Tauri there is no menu
  }, [i18n, lang]);
}
