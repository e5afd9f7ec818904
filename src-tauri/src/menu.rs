//! The app's native menu bar and about box, in the seller's language. It owns building the menu,
//! putting it in place when the app starts and again when the UI's language changes
//! (`menu_set_language`), the Quit item, and `menu_labels`, which reads back what the menu says.
//!
//! Why a menu at all: the product name "老客 Laoke" belongs in the window title, the menus and the
//! about box in both languages, and macOS only routes ⌘C/⌘V/⌘A/⌘Z to the webview through an Edit
//! menu. The words are the UI's (`ui/src/locales/*/menu.json`, `MenuLabels`), never English typed
//! here: the UI sends them with each language it shows, and at start-up the same files, built into
//! the binary, give the first menu so that the bar is there, worded, from the first frame — on Linux the menu
//! bar sits above the webview, and a bar that only appeared once the UI had rendered would push the
//! page down under the seller's eyes.

use crate::error::IpcError;
use laoke_core::dto::MenuLabels;
use std::sync::{Mutex, PoisonError};
use tauri::menu::{AboutMetadata, Menu, MenuItemKind, PredefinedMenuItem, Submenu};
use tauri::{AppHandle, Manager, Runtime};

/// The id of our own Quit item (Windows, Linux): GTK has no working predefined one.
const QUIT: &str = "quit";

const ZH_CN: &str = include_str!("../../ui/src/locales/zh-CN/menu.json");
const EN_US: &str = include_str!("../../ui/src/locales/en-US/menu.json");

/// The labels the menu in place was built from: the UI sends its language at every start, usually
/// the one the menu already speaks, and rebuilding the same menu would make the bar flicker.
#[derive(Default)]
pub struct MenuState(Mutex<Option<MenuLabels>>);

/// Puts the start-up menu in place and handles its Quit item. A menu that cannot be built is
/// logged, not fatal: the app works without one.
pub fn install(app: &AppHandle) {
    app.manage(MenuState::default());
    app.on_menu_event(|app, event| {
        if event.id() == QUIT {
            app.exit(0);
        }
    });
    let labels = match MenuLabels::from_locale(if startup_language_is_english() { EN_US } else { ZH_CN }) {
        Ok(labels) => labels,
        Err(e) => {
            tracing::warn!("the built-in menu texts do not read: {e}");
            return;
        }
    };
    if let Err(e) = apply(app, labels) {
        tracing::warn!("could not build the app menu: {e}");
    }
}

/// The language the UI will most likely start in before the archive's setting is read: it follows
/// the system, which on Linux is the locale variables (what WebKitGTK's `navigator.language` reads).
/// Where they are unset (an app opened from the macOS or Windows desktop) Chinese, the language of
/// most sellers; the UI corrects either guess within its first render.
fn startup_language_is_english() -> bool {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .is_some_and(|locale| !locale.to_ascii_lowercase().starts_with("zh"))
}

/// The UI's labels for the language it now shows (at start and after each change).
#[tauri::command]
pub async fn menu_set_language(app: AppHandle, labels: MenuLabels) -> Result<(), IpcError> {
    apply(&app, labels).map_err(|e| {
        tracing::warn!("could not build the app menu: {e}");
        IpcError::internal(format!("could not build the app menu: {e}"))
    })
}

/// What the app menu says: each submenu's title followed by its items' texts (separators left out).
/// The end-to-end tests read the real menu through it; nothing in it is private.
#[tauri::command]
pub async fn menu_labels(app: AppHandle) -> Result<Vec<Vec<String>>, IpcError> {
    let Some(menu) = app.menu() else { return Ok(Vec::new()) };
    let texts = || -> tauri::Result<Vec<Vec<String>>> {
        let mut out = Vec::new();
        for item in menu.items()? {
            if let MenuItemKind::Submenu(submenu) = item {
                let mut texts = vec![submenu.text()?];
                for item in submenu.items()? {
                    let text = match &item {
                        MenuItemKind::MenuItem(i) => i.text()?,
                        MenuItemKind::Predefined(i) => i.text()?,
                        MenuItemKind::Submenu(i) => i.text()?,
                        MenuItemKind::Check(i) => i.text()?,
                        MenuItemKind::Icon(i) => i.text()?,
                    };
                    if !text.is_empty() {
                        texts.push(text);
                    }
                }
                out.push(texts);
            }
        }
        Ok(out)
    };
    texts().map_err(|e| IpcError::internal(format!("could not read the app menu: {e}")))
}

fn apply(app: &AppHandle, labels: MenuLabels) -> tauri::Result<()> {
    let state = app.state::<MenuState>();
    let mut current = state.0.lock().unwrap_or_else(PoisonError::into_inner);
    if current.as_ref() == Some(&labels) {
        return Ok(());
    }
    app.set_menu(build(app, &labels)?)?;
    *current = Some(labels);
    Ok(())
}

/// The about box: the product name in both languages, the version Cargo gives the app, one line of
/// what it is in the seller's language.
fn about<R: Runtime>(app: &AppHandle<R>, l: &MenuLabels) -> tauri::Result<PredefinedMenuItem<R>> {
    let metadata = AboutMetadata {
        name: Some(l.product.clone()),
        version: Some(app.package_info().version.to_string()),
        copyright: Some(l.copyright.clone()),
        comments: Some(l.about_comments.clone()),
        icon: app.default_window_icon().cloned(),
        ..Default::default()
    };
    PredefinedMenuItem::about(app, Some(&l.about), Some(metadata))
}

/// macOS: the app menu titled with the product name, Edit (the webview's clipboard and undo
/// shortcuts go through it) and Window. About lives in the app menu, as on every Mac app.
#[cfg(target_os = "macos")]
fn build<R: Runtime>(app: &AppHandle<R>, l: &MenuLabels) -> tauri::Result<Menu<R>> {
    let separator = || PredefinedMenuItem::separator(app);
    let app_menu = Submenu::with_items(
        app,
        &l.product,
        true,
        &[
            &about(app, l)?,
            &separator()?,
            &PredefinedMenuItem::hide(app, Some(&l.hide))?,
            &PredefinedMenuItem::hide_others(app, Some(&l.hide_others))?,
            &PredefinedMenuItem::show_all(app, Some(&l.show_all))?,
            &separator()?,
            &PredefinedMenuItem::quit(app, Some(&l.quit))?,
        ],
    )?;
    let window = Submenu::with_items(
        app,
        &l.window,
        true,
        &[
            &PredefinedMenuItem::minimize(app, Some(&l.minimize))?,
            &PredefinedMenuItem::maximize(app, Some(&l.maximize))?,
            &PredefinedMenuItem::fullscreen(app, Some(&l.fullscreen))?,
            &separator()?,
            &PredefinedMenuItem::close_window(app, Some(&l.close_window))?,
        ],
    )?;
    Menu::with_items(app, &[&app_menu, &edit(app, l)?, &window])
}

/// Windows: File (Quit), Edit, Window and Help (About).
#[cfg(target_os = "windows")]
fn build<R: Runtime>(app: &AppHandle<R>, l: &MenuLabels) -> tauri::Result<Menu<R>> {
    let window = Submenu::with_items(
        app,
        &l.window,
        true,
        &[
            &PredefinedMenuItem::minimize(app, Some(&l.minimize))?,
            &PredefinedMenuItem::maximize(app, Some(&l.maximize))?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::close_window(app, Some(&l.close_window))?,
        ],
    )?;
    Menu::with_items(app, &[&file(app, l)?, &edit(app, l)?, &window, &help(app, l)?])
}

/// Linux (GTK): File (Quit) and Help (About). GTK draws muda's predefined undo, redo, minimize,
/// maximize and close items greyed out, and its cut/copy/paste items act only with Tauri's
/// `linux-libxdo` feature (faked key presses); WebKitGTK already answers Ctrl+C/V/X/A/Z and offers
/// them in its context menu, so an Edit or Window menu here would only show dead items.
#[cfg(not(any(target_os = "macos", target_os = "windows")))]
fn build<R: Runtime>(app: &AppHandle<R>, l: &MenuLabels) -> tauri::Result<Menu<R>> {
    Menu::with_items(app, &[&file(app, l)?, &help(app, l)?])
}

/// Quit has no shortcut: GTK complains when a menu holding one is replaced on a language change,
/// and closing the window (Alt+F4) already quits.
#[cfg(not(target_os = "macos"))]
fn file<R: Runtime>(app: &AppHandle<R>, l: &MenuLabels) -> tauri::Result<Submenu<R>> {
    let quit = tauri::menu::MenuItem::with_id(app, QUIT, &l.quit, true, None::<&str>)?;
    Submenu::with_items(app, &l.file, true, &[&quit])
}

#[cfg(not(target_os = "macos"))]
fn help<R: Runtime>(app: &AppHandle<R>, l: &MenuLabels) -> tauri::Result<Submenu<R>> {
    Submenu::with_items(app, &l.help, true, &[&about(app, l)?])
}

#[cfg(any(target_os = "macos", target_os = "windows"))]
fn edit<R: Runtime>(app: &AppHandle<R>, l: &MenuLabels) -> tauri::Result<Submenu<R>> {
    Submenu::with_items(
        app,
        &l.edit,
        true,
        &[
            &PredefinedMenuItem::undo(app, Some(&l.undo))?,
            &PredefinedMenuItem::redo(app, Some(&l.redo))?,
            &PredefinedMenuItem::separator(app)?,
            &PredefinedMenuItem::cut(app, Some(&l.cut))?,
            &PredefinedMenuItem::copy(app, Some(&l.copy))?,
            &PredefinedMenuItem::paste(app, Some(&l.paste))?,
            &PredefinedMenuItem::select_all(app, Some(&l.select_all))?,
        ],
    )
}
