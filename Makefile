# The two commands a newcomer needs: `make run` and `make test`. Each installs missing Debian
# packages first (scripts/install-deps.sh), then configures and builds with CMake presets.

DEMO := resources/demo/checkout-incident.json

.PHONY: all deps build run test test-asan bench format clean

all: build

deps:
	@scripts/install-deps.sh

build: deps
	cmake --preset dev
	cmake --build --preset dev

run: build
	scripts/run-app.sh $(DEMO)

# Every test through ctest (GUI tests offscreen or under Xvfb, the format check included), then
# the core and CLI tests again under AddressSanitizer and UndefinedBehaviorSanitizer.
test: build
	ctest --preset dev
	$(MAKE) --no-print-directory test-asan

test-asan: deps
	cmake --preset asan
	cmake --build --preset asan
	ctest --preset asan

bench: deps
	scripts/run-bench.sh

format:
	git ls-files -co --exclude-standard -- '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf build build-release build-asan
