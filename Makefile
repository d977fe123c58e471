# cairn build. `make` builds $(BUILD)/cairn; see README.md for the other targets.
BUILD ?= build
CC ?= cc
DEBUG ?= 0
PKGS := javascriptcoregtk-4.1 libuv openssl zlib libbrotlienc libbrotlidec libcares libdeflate icu-uc
# Debian packages the build, the tests and the benchmarks need.
DEB_PKGS := build-essential pkg-config libjavascriptcoregtk-4.1-dev libuv1-dev libssl-dev \
	zlib1g-dev libbrotli-dev libc-ares-dev libdeflate-dev libicu-dev

ifeq ($(DEBUG),1)
OPT := -O0 -g3
else
OPT := -O2 -g
endif
CFLAGS_BASE := -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -Wno-unused-parameter $(OPT)
SAN ?=
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
ALL_CFLAGS = $(CFLAGS_BASE) $(SAN) -Isrc -I$(BUILD)/gen $(PKG_CFLAGS) $(CFLAGS)

SRCS := src/main.c $(wildcard src/rt/*.c) $(wildcard src/binding/*.c) $(wildcard src/parser/*.c) \
	$(wildcard src/http/*.c) $(wildcard src/url/*.c)
OBJS := $(patsubst src/%.c,$(BUILD)/obj/%.o,$(SRCS)) $(BUILD)/obj/gen/lib_embed.o
LIB_FILES := $(shell find lib -name '*.js' | sort)

.PHONY: all deps run test test-unit test-js test-node test-parser asan bench format lint clean
all: $(BUILD)/cairn

$(BUILD)/cairn: $(OBJS)
	$(CC) $(SAN) -o $@ $(OBJS) $(PKG_LIBS) -lm $(LDFLAGS)

$(BUILD)/obj/%.o: src/%.c $(wildcard src/rt/*.h) | $(BUILD)/gen/lib_embed.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -MMD -MP -c $< -o $@

UNIT_SRCS := $(wildcard test/unit/test-*.c)
UNIT_OBJS := $(patsubst test/unit/%.c,$(BUILD)/obj/unit/%.o,$(UNIT_SRCS))
$(BUILD)/unit-tests: $(UNIT_OBJS) $(filter-out $(BUILD)/obj/main.o,$(OBJS))
	$(CC) $(SAN) -o $@ $^ $(PKG_LIBS) -lm $(LDFLAGS)

$(BUILD)/obj/unit/%.o: test/unit/%.c test/unit/test.h test/unit/test-list.h
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -Itest/unit -c $< -o $@

$(BUILD)/obj/gen/lib_embed.o: $(BUILD)/gen/lib_embed.c
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -c $< -o $@

$(BUILD)/tools/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -std=c11 -D_GNU_SOURCE -O1 -Wall -Wextra -Werror -o $@ $<

$(BUILD)/gen/lib_embed.c: $(BUILD)/tools/embed $(LIB_FILES)
	@mkdir -p $(dir $@)
	$(BUILD)/tools/embed lib $(LIB_FILES) > $@.tmp && mv $@.tmp $@

-include $(wildcard $(BUILD)/obj/*/*.d $(BUILD)/obj/*.d)

# src/parser alone: `make parse-check` prints OK or the syntax error for each file given
# to $(BUILD)/tools/parse-check; `make fuzz` builds the libFuzzer target (clang; never
# run by `make test`).
.PHONY: parse-check fuzz
parse-check: $(BUILD)/tools/parse-check
$(BUILD)/tools/parse-check: tools/parse-check.c $(wildcard src/parser/*.c src/parser/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -Isrc -o $@ tools/parse-check.c $(wildcard src/parser/*.c)

# `make transform-check`: $(BUILD)/tools/transform-check prints a module's ESM transform.
.PHONY: transform-check
transform-check: $(BUILD)/tools/transform-check
$(BUILD)/tools/transform-check: tools/transform-check.c $(wildcard src/parser/*.c src/parser/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(SAN) -Isrc -o $@ tools/transform-check.c $(wildcard src/parser/*.c)

# `make ts-strip`: $(BUILD)/tools/ts-strip prints a TypeScript file with its types erased.
.PHONY: ts-strip
ts-strip: $(BUILD)/tools/ts-strip
$(BUILD)/tools/ts-strip: tools/ts-strip.c $(wildcard src/parser/*.c src/parser/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -Isrc -o $@ tools/ts-strip.c $(wildcard src/parser/*.c)

# `make http-parser-bench`: $(BUILD)/tools/http-parser-bench times src/http on a GET request.
.PHONY: http-parser-bench
http-parser-bench: $(BUILD)/tools/http-parser-bench
$(BUILD)/tools/http-parser-bench: tools/http-parser-bench.c $(wildcard src/http/*.c src/http/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -Isrc -o $@ tools/http-parser-bench.c $(wildcard src/http/*.c)

# `make cjs-exports-check`: $(BUILD)/tools/cjs-exports-check prints the CommonJS named exports
# src/parser/cjs_exports.c finds in each file given, as JSON (--time N: MB/s).
.PHONY: cjs-exports-check
cjs-exports-check: $(BUILD)/tools/cjs-exports-check
$(BUILD)/tools/cjs-exports-check: tools/cjs-exports-check.c src/parser/cjs_exports.c src/parser/cjs_exports.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) -Isrc -o $@ tools/cjs-exports-check.c src/parser/cjs_exports.c

fuzz: $(BUILD)/fuzz-parser
$(BUILD)/fuzz-parser: test/fuzz/fuzz-parser.c $(wildcard src/parser/*.c src/parser/*.h)
	@mkdir -p $(dir $@)
	clang -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	  -fsanitize=fuzzer,address,undefined -Isrc -o $@ test/fuzz/fuzz-parser.c \
	  $(wildcard src/parser/*.c)

# `make fuzz-http`: the libFuzzer target for src/http (never run by `make test`).
.PHONY: fuzz-http
fuzz-http: $(BUILD)/fuzz-http-parser
$(BUILD)/fuzz-http-parser: test/fuzz/fuzz-http-parser.c $(wildcard src/http/*.c src/http/*.h)
	@mkdir -p $(dir $@)
	clang -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc -o $@ \
	  test/fuzz/fuzz-http-parser.c $(wildcard src/http/*.c)

# `make fuzz-url`: the libFuzzer target for src/url (never run by `make test`).
.PHONY: fuzz-url
fuzz-url: $(BUILD)/fuzz-url
$(BUILD)/fuzz-url: test/fuzz/fuzz-url.c $(wildcard src/url/*.c src/url/*.h)
	@mkdir -p $(dir $@)
	clang -std=c11 -D_GNU_SOURCE -O1 -g -Wall -Wextra -Werror -Wno-unused-parameter \
	  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc -o $@ \
	  test/fuzz/fuzz-url.c $(wildcard src/url/*.c) $$(pkg-config --cflags --libs icu-uc)

# Installs the Debian packages that are missing (apt-get update only when needed).
deps:
	@missing=""; for p in $(DEB_PKGS); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

run: deps
	@$(MAKE) --no-print-directory all
	$(BUILD)/cairn examples/hello.js

test: deps
	@$(MAKE) --no-print-directory all
	@tools/test-all.sh $(BUILD)/cairn

test-unit:
	@BUILD=$(BUILD) test/unit/run.sh $(BUILD)/cairn

test-js: all
	@test/js/run.sh $(BUILD)/cairn

# src/parser against the npm package test262-parser-tests (installed on first use).
test-parser:
	@BUILD=$(BUILD) tools/parser-tests.sh $(BUILD)/cairn

test-node: all
	@test/node/run.sh $(BUILD)/cairn

asan:
	@$(MAKE) --no-print-directory BUILD=build-asan DEBUG=1 SAN="-fsanitize=address,undefined -fno-omit-frame-pointer" all
	ASAN_OPTIONS=detect_leaks=0 test/js/run.sh build-asan/cairn

bench: all
	@tools/bench.sh $(BUILD)/cairn $(BENCH)

format:
	clang-format -i $(SRCS) $(wildcard src/*/*.h) tools/embed.c

lint:
	@for f in $(LIB_FILES); do node --check $$f || exit 1; done; echo "lint ok"

clean:
	rm -rf $(BUILD) build-asan
