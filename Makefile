# Laoke's two entry points on a fresh Debian/Ubuntu machine: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := test

.PHONY: test test-rust check-arch
test: test-rust check-arch

test-rust:
	cargo test --workspace --exclude laoke-app
	git diff --exit-code -- ui/src/bindings || (echo "ui/src/bindings changed: commit the regenerated bindings" && false)

check-arch:
	bash tests/check-architecture.sh
