# indicator-lens: one command per job. `make demo` builds and serves the page; `make test` runs every test.
SHELL := /bin/bash
.DEFAULT_GOAL := demo
export PATH := $(HOME)/.cargo/bin:$(PATH)

WASM_TARGET := wasm32-unknown-unknown
WBG_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/^version = "\(.*\)"/\1/p}' Cargo.lock)
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
PORT ?= 8765
WASM_OUT := target/$(WASM_TARGET)/release/indicator_lens.wasm

.PHONY: setup dist demo test test-native test-wasm test-browser bench fuzz clean
FUZZ_SECONDS ?= 30

## setup: install everything the build and tests need (idempotent; quick when already done)
setup:
	@rustup target list --installed | grep -qx $(WASM_TARGET) || rustup target add $(WASM_TARGET)
	@if [ "$$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $(WBG_VERSION)" ]; then \
	  echo "installing wasm-bindgen-cli $(WBG_VERSION) (a few minutes, once)"; \
	  cargo install wasm-bindgen-cli --version =$(WBG_VERSION); fi
	@if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq chromium chromium-driver; fi
	@if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then \
	  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund; fi

## dist: release wasm → pkg/ → dist/indicator-lens.html (one self-contained file)
dist: setup
	cargo build --release --lib --target $(WASM_TARGET)
	wasm-bindgen --target web --out-dir pkg $(WASM_OUT)
	node_modules/.bin/wasm-opt -O3 pkg/indicator_lens_bg.wasm -o pkg/indicator_lens_bg.wasm
	node www/bundle.mjs

## demo: build, then serve the page on 127.0.0.1 (it also works opened straight from disk)
demo: dist
	@echo "indicator-lens: open http://127.0.0.1:$(PORT)/indicator-lens.html  (or file://$(CURDIR)/dist/indicator-lens.html)"
	python3 -m http.server $(PORT) --bind 127.0.0.1 --directory dist

## test: every test: native, wasm in headless Chromium, page tests with Playwright
test: dist test-native test-wasm test-browser fuzz

test-native:
	cargo fmt --check
	cargo test

test-wasm: setup
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner CHROMEDRIVER=/usr/bin/chromedriver \
	  cargo test --target $(WASM_TARGET) --test wasm_session

test-browser: dist
	cargo build --bin indicator-lens
	node --test tests/browser/

## bench: criterion benches natively, then the same work in headless Chromium against PapaParse,
## d3-dsv, Arquero and DuckDB-wasm (not part of `make test`); writes target/bench/results.json
bench: dist
	cargo bench --bench ingest
	node bench/run.mjs
	node bench/page.mjs

## fuzz: libFuzzer on the whole ingest, corpus seeded from the samples (FUZZ_SECONDS=600 for a long run)
fuzz:
	bash tests/fuzz.sh $(FUZZ_SECONDS)

clean:
	cargo clean; rm -rf pkg dist
