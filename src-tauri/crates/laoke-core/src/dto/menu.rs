//! The texts of the app's native menu and about box. They are the UI's words, kept in
//! `ui/src/locales/<language>/menu.json` like every other visible text: the UI sends them with
//! `menu_set_language` at start and on each language change, and the app reads the same files at
//! start-up (`from_locale`) so that its first menu is already in words, not English placeholders.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Every label of the menu in one language. The field names are the keys of `menu.json`'s `menu`
/// section, so one file feeds both the UI (i18next) and the app's start-up menu. Which of them a
/// platform shows is the app's business (`laoke-app`'s `menu`): macOS has an app menu (hide, show all),
/// Windows and Linux a File menu; all carry the product name in the About and Quit items.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MenuLabels {
    /// The product name, the same in every language (the window title's "老客 Laoke").
    pub product: String,
    /// "About 老客 Laoke": the About item in the app menu (macOS) or the Help menu.
    pub about: String,
    /// One line under the name in the about box.
    pub about_comments: String,
    pub copyright: String,
    pub file: String,
    pub quit: String,
    pub hide: String,
    pub hide_others: String,
    pub show_all: String,
    pub edit: String,
    pub undo: String,
    pub redo: String,
    pub cut: String,
    pub copy: String,
    pub paste: String,
    pub select_all: String,
    pub window: String,
    pub minimize: String,
    pub maximize: String,
    pub fullscreen: String,
    pub close_window: String,
    pub help: String,
}

impl MenuLabels {
    /// The labels of one language from the text of its `menu.json` (`{"menu": {…}}`).
    pub fn from_locale(json: &str) -> Result<Self, serde_json::Error> {
        #[derive(Deserialize)]
        struct File {
            menu: MenuLabels,
        }
        Ok(serde_json::from_str::<File>(json)?.menu)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn locale(language: &str) -> MenuLabels {
        let path =
            PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../ui/src/locales").join(language).join("menu.json");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        MenuLabels::from_locale(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// The app builds its first menu from these files: each must hold every label, with the product
    /// name in the About and Quit items of both languages.
    #[test]
    fn each_language_has_every_label_and_names_the_product() {
        let zh = locale("zh-CN");
        let en = locale("en-US");
        for labels in [&zh, &en] {
            assert_eq!(labels.product, "老客 Laoke");
            assert!(labels.about.contains("老客 Laoke"), "{}", labels.about);
            assert!(labels.quit.contains("老客 Laoke"), "{}", labels.quit);
        }
        assert_eq!((zh.about.as_str(), zh.edit.as_str(), zh.help.as_str()), ("关于 老客 Laoke", "编辑", "帮助"));
        assert_eq!((en.about.as_str(), en.edit.as_str(), en.help.as_str()), ("About 老客 Laoke", "Edit", "Help"));
    }

    #[test]
    fn a_missing_label_is_refused() {
        assert!(MenuLabels::from_locale(r#"{"menu": {"product": "老客 Laoke"}}"#).is_err());
    }
}
