# Laoke's entry points. On a fresh Debian/Ubuntu machine:
#   make run    installs what is missing, builds, and opens the app on the default database
#   make test   installs what is missing and runs every test (Rust, UI, end-to-end)
# Other targets: make bench (docs/BENCHMARKS.md), make fuzz (every fuzz target for FUZZ_SECONDS
# each, figures into docs/BENCHMARKS.md), make crash (the SIGKILL tests on 300,000 customers),
# make release (installer for this OS).
SHELL := /bin/bash
.DEFAULT_GOAL := test

APP := target/debug/laoke-app
CLI := target/debug/laoke

.PHONY: run test deps ui app cli test-build test-rust test-ui test-e2e check-arch check-bindings bench fuzz crash release

deps:
	@bash .ci/install-deps

ui: deps
	cd ui && npm run build

# The app binary embeds ui/dist (custom-protocol). `make run` builds the app alone; `make test`
# builds it together with everything else (test-build).
app: ui
	cargo build -p laoke-app --features custom-protocol

cli:
	cargo build -p laoke-cli

run: app
	@bash .ci/open-app $(APP)

test: deps test-build test-rust check-bindings check-arch test-ui test-e2e

# The tests build every member and target in one cargo run with the app's features, so the Rust
# tests, the app the end-to-end suite drives and the CLI share one feature resolution and each
# crate compiles once. A separate `cargo test` and `cargo build -p laoke-app` resolve features
# apart (dev-dependencies, Tauri's own), and CI compiled some 80 crates and the Laoke crates twice.
TEST_FEATURES := --workspace --features laoke-app/custom-protocol

test-build: ui
	cargo build $(TEST_FEATURES) --all-targets

test-rust: test-build
	cargo test $(TEST_FEATURES)

# `cargo test` regenerates ui/src/bindings from the Rust DTOs; they must be committed as generated.
check-bindings:
	@git diff --exit-code --stat -- ui/src/bindings || { echo "ui/src/bindings changed: commit the regenerated bindings"; exit 1; }
	@test -z "$$(git ls-files --others --exclude-standard ui/src/bindings)" || { echo "new bindings are not committed"; exit 1; }

check-arch:
	bash tests/check-architecture.sh
	python3 tests/check-release.py

test-ui: deps
	cd ui && npm run typecheck && npm test && npm run build

test-e2e: test-build
	cd tests/e2e && npm test

# Benchmarks write docs/BENCHMARKS.md: the archive (demo shop) first, then imports against
# sqlite3's own CSV loader and pandas, then prediction against Python's lifetimes (BG/NBD +
# Gamma-Gamma on CDNOW and the demo shop); pandas and lifetimes are installed here if missing.
bench:
	mkdir -p docs
	command -v sqlite3 >/dev/null || { [ "$$(id -u)" = 0 ] && apt-get install -y -qq sqlite3 || sudo apt-get install -y -qq sqlite3; }
	python3 -c 'import pandas' 2>/dev/null || python3 -m pip install -q pandas
	python3 -c 'import lifetimes' 2>/dev/null || python3 -m pip install -q lifetimes
	LAOKE_BENCH_OUT=$(CURDIR)/docs/BENCHMARKS.md cargo bench -p laoke-store --bench archive
	cargo build --release -p laoke-cli
	python3 tests/bench/import_bench.py
	python3 tests/bench/predict_bench.py

# cargo-fuzz targets (fuzz/, its own workspace) for FUZZ_SECONDS each, one after another, seeded
# from tests/fixtures; writes "Reliability (make fuzz)" into docs/BENCHMARKS.md and fails on a crash.
# The stable toolchain takes the fuzz build's nightly flags only inside fuzz/run.sh (RUSTC_BOOTSTRAP).
# The crash tests' tier apply on the 300,000-customer demo shop (make test uses 30,000 to stay in CI's time).
crash:
	LAOKE_CRASH_CUSTOMERS=300000 cargo test --release -p laoke-cli --test crash -- --nocapture

FUZZ_SECONDS ?= 60
fuzz:
	command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
	FUZZ_SECONDS=$(FUZZ_SECONDS) bash fuzz/run.sh

# Builds the installer(s) for the machine you are on: .deb here, NSIS/MSI on Windows, dmg on macOS.
# Only this OS's own bundles: tauri.conf.json also lists Windows and macOS ones, which the
# bundler cannot make here (NSIS would download its plug-ins; the release workflow builds them).
comma := ,
RELEASE_BUNDLES := $(if $(filter Linux,$(shell uname -s)),--bundles deb,$(if $(filter Darwin,$(shell uname -s)),--bundles app$(comma)dmg,))
release: ui
	cd ui && npm run tauri -- build $(RELEASE_BUNDLES)
	@ls -l target/release/bundle/*/*.deb target/release/bundle/*/*.dmg 2>/dev/null || true
