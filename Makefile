# Folio — build, test, demo and benchmark entry points.
# `make demo` and `make test` work on a fresh machine: they install the system
# packages Folio needs (apt-get as root, sudo otherwise) before building.

SWIFT        ?= swift
CONFIG       ?= debug
SWIFT_FLAGS  ?=
SYSTEM_PKGS  := libsqlite3-dev libcmark-gfm-dev libcmark-gfm-extensions-dev zlib1g-dev
# Tests also render resumes to PDF with Chromium and read the text back with pdftotext.
TEST_PKGS    := chromium poppler-utils python3-icalendar
BENCH_PKGS   := hugo wrk
# Release builds link the Swift runtime and Foundation statically: a `folio` process then
# starts in about 12 ms of CPU instead of 21 (no dynamic symbol lookups). FoundationNetworking
# links libcurl, whose static link needs the development package.
RELEASE_PKGS := libcurl4-openssl-dev
RELEASE_FLAGS := --static-swift-stdlib
BIN_DIR       = $(shell $(SWIFT) build -c $(CONFIG) $(SWIFT_FLAGS) --show-bin-path)

.PHONY: check-docx all deps test-deps bench-deps build release test demo bench fuzz-crdt clean help

all: build

help:
	@echo "make demo    install system packages, build, publish Sites/example to Sites/example/public"
	@echo "make test    install system packages, build, run every test"
	@echo "make bench   build in release mode and run the benchmarks (installs hugo for comparison)"
	@echo "make fuzz-crdt  run 100,000 random convergence scenarios per CRDT property (release build)"
	@echo "make clean   remove build output"

# Install whatever system package is missing. dpkg-query tells what is there.
deps:
	@./scripts/install-packages $(SYSTEM_PKGS)

test-deps:
	@./scripts/install-packages $(TEST_PKGS)

bench-deps:
	@./scripts/install-packages $(SYSTEM_PKGS) $(RELEASE_PKGS) $(BENCH_PKGS)

build: deps
	$(SWIFT) build -c $(CONFIG) $(SWIFT_FLAGS)

release:
	@./scripts/install-packages $(RELEASE_PKGS)
	$(MAKE) build CONFIG=release SWIFT_FLAGS="$(RELEASE_FLAGS)"

test: build test-deps
	FOLIO_BIN="$(BIN_DIR)/folio" FOLIO_SERVER_BIN="$(BIN_DIR)/folio-server" $(SWIFT) test -c $(CONFIG) $(SWIFT_FLAGS)

demo: build
	"$(BIN_DIR)/folio" build Sites/example --output Sites/example/public
	@echo "Published to Sites/example/public (links are site-absolute: serve the folder rather than opening the files)."
	@echo "Preview it with live reload: $(BIN_DIR)/folio serve Sites/example  ->  http://127.0.0.1:1313/"

bench: bench-deps
	$(MAKE) build CONFIG=release SWIFT_FLAGS="$(RELEASE_FLAGS)"
	./bench/resume-bench.py "$$($(SWIFT) build -c release --show-bin-path)/folio"
	./bench/site-bench.py "$$($(SWIFT) build -c release --show-bin-path)/folio"
	"$$($(SWIFT) build -c release --show-bin-path)/folio-replica-bench" --folio "$$($(SWIFT) build -c release --show-bin-path)/folio"
	"$$($(SWIFT) build -c release --show-bin-path)/folio-tracking-bench" --folio "$$($(SWIFT) build -c release --show-bin-path)/folio"
	./bench/insights-bench.py "$$($(SWIFT) build -c release --show-bin-path)/folio"
	"$$($(SWIFT) build -c release --show-bin-path)/folio-sync-bench" --server "$$($(SWIFT) build -c release --show-bin-path)/folio-server"
	./bench/sync-client-bench.py "$$($(SWIFT) build -c release --show-bin-path)/folio" "$$($(SWIFT) build -c release --show-bin-path)/folio-server"

# Converts a rendered DOCX with LibreOffice when it is installed (skips otherwise).
check-docx: build
	FOLIO_BIN="$(BIN_DIR)/folio" ./scripts/check-docx-libreoffice

# The CRDT properties at fuzzing size: 100,000 scenarios each instead of make test's 1,000
# (the SQLite store's, slower per scenario, 5,000).
fuzz-crdt: deps
	FOLIO_CRDT_SCENARIOS=100000 FOLIO_STORE_SCENARIOS=5000 $(SWIFT) test -c release $(SWIFT_FLAGS) --filter 'FolioCRDTTests.ConvergenceProperties|FolioStoreTests.StoreConvergenceProperties'

clean:
	rm -rf .build Sites/example/public bench/work
