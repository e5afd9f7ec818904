#!/usr/bin/env python3
"""What the installers promise, checked where it is written (`make test` runs this; the
installers themselves are built by .github/workflows/release.yml on each OS):

- tauri.conf.json bundles NSIS (Chinese and English installer languages), MSI, dmg, app and deb;
  its icons exist for every platform; it does not repeat the version (Cargo's is the one);
- the window title carries the product name in both languages;
- the release workflow builds with tauri-action on Windows, macOS for both Apple targets, and
  Ubuntu 22.04, from the UI built first, on a version tag;
- the capabilities grant only Laoke's own commands and the plugins ARCHITECTURE.md lists.
"""
import json
import pathlib
import re
import sys

root = pathlib.Path(__file__).resolve().parent.parent
problems = []


def check(ok, what):
    if not ok:
        problems.append(what)


conf = json.loads((root / "src-tauri/tauri.conf.json").read_text())
bundle = conf["bundle"]
check("version" not in conf, "tauri.conf.json repeats the version; Cargo.toml's is the one")
check(conf["productName"] == "Laoke", "productName is Laoke")
for target in ["deb", "nsis", "msi", "dmg", "app"]:
    check(target in bundle["targets"], f"bundle.targets has {target}")
nsis = bundle["windows"]["nsis"]
check({"SimpChinese", "English"} <= set(nsis["languages"]), "the NSIS installer speaks Chinese and English")
for icon in bundle["icon"]:
    check((root / "src-tauri" / icon).is_file(), f"icon {icon} exists")
check(any(i.endswith(".ico") for i in bundle["icon"]), "a Windows .ico icon")
check(any(i.endswith(".icns") for i in bundle["icon"]), "a macOS .icns icon")
title = conf["app"]["windows"][0]["title"]
check("老客" in title and "Laoke" in title, "the window title names 老客 and Laoke")

workflow = (root / ".github/workflows/release.yml").read_text()
check("tauri-apps/tauri-action@" in workflow, "the release workflow uses tauri-action")
for runner in ["windows-latest", "macos-latest", "ubuntu-22.04"]:
    check(f"platform: {runner}" in workflow, f"the release workflow builds on {runner}")
for target in ["aarch64-apple-darwin", "x86_64-apple-darwin"]:
    check(f"--target {target}" in workflow, f"the release workflow builds {target}")
check(re.search(r"tags:\s*\n\s*- \"v\*\"", workflow) is not None, "the release workflow runs on v* tags")
check("npm run build" in workflow, "the release workflow builds the UI before the app")

capabilities = json.loads((root / "src-tauri/capabilities/default.json").read_text())
allowed_plugins = {"core", "opener", "dialog", "notification", "clipboard-manager"}
for permission in capabilities["permissions"]:
    name = permission if isinstance(permission, str) else permission["identifier"]
    plugin = name.split(":")[0] if ":" in name else None
    check(plugin is None or plugin in allowed_plugins, f"capability {name} is not one the UI needs")

if problems:
    print("release: " + "\nrelease: ".join(problems))
    sys.exit(1)
print("release: ok (bundles, icons, window title, release workflow, capabilities)")
