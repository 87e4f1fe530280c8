# Installs whatever Fitcheck's build and tests need and is missing, then puts it on PATH.
# Sourced by scripts/serve and scripts/test. Every step checks first and skips what is there,
# so a second run takes seconds. A fresh machine spends 5 to 30 minutes compiling Trunk and
# the wasm-bindgen CLI once; they stay in ~/.cargo/bin afterwards.

TRUNK_VERSION="0.21.14"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export PATH="$ROOT/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export TRUNK_SKIP_VERSION_CHECK=true

step() { printf '\033[1m==> %s\033[0m\n' "$*"; }
fail() { printf 'error: %s\n' "$*" >&2; exit 1; }

# cargo install of a release binary without fat LTO: a third faster to build, same behaviour.
cargo_install() {
  local started=$SECONDS
  CARGO_PROFILE_RELEASE_LTO=off CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install "$@" || fail "cargo install $* failed"
  step "installed $1 in $(( (SECONDS - started) / 60 )) min $(( (SECONDS - started) % 60 )) s"
}

ensure_wasm_target() {
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "adding the Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  if ! cargo clippy --version >/dev/null 2>&1 || ! cargo fmt --version >/dev/null 2>&1; then
    step "adding rustfmt and clippy"
    rustup component add rustfmt clippy
  fi
}

ensure_trunk() {
  if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    step "installing Trunk $TRUNK_VERSION (compiles from source: 5 to 20 minutes, once)"
    cargo_install trunk --version "$TRUNK_VERSION" --locked
  fi
}

# Trunk requires the wasm-bindgen CLI of exactly the version in Cargo.lock.
ensure_wasm_bindgen() {
  local wanted
  wanted=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock")
  [ -n "$wanted" ] || fail "could not read the wasm-bindgen version from Cargo.lock"
  if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wanted" ]; then
    step "installing wasm-bindgen-cli $wanted (2 to 8 minutes, once)"
    # --locked fails for this version: one of its locked dependencies left the registry.
    cargo_install wasm-bindgen-cli --version "$wanted"
  fi
}

# Whether every devDependency in package.json is installed at the exact version it pins.
node_tools_installed() {
  node -e '
    const fs = require("fs");
    const [root] = process.argv.slice(1);
    const wanted = JSON.parse(fs.readFileSync(`${root}/package.json`, "utf8")).devDependencies;
    const installed = (name) => {
      try { return JSON.parse(fs.readFileSync(`${root}/node_modules/${name}/package.json`, "utf8")).version; } catch { return null; }
    };
    process.exit(Object.entries(wanted).every(([name, version]) => installed(name) === version) ? 0 : 1);
  ' "$ROOT"
}

# wasm-opt and wasm-metadce (npm binaryen), acorn and esbuild for release builds
# (scripts/lib/wasm.mjs, compact.mjs); playwright-core and axe-core for browser tests;
# Lighthouse and puppeteer-core for the accessibility score. npm ci installs exactly the lock,
# again whenever the lock changes or a package is missing.
ensure_node_tools() {
  command -v npm >/dev/null || fail "npm is needed (Node.js 20 or newer)"
  local stamp="$ROOT/node_modules/.installed-lock"
  if ! cmp -s "$ROOT/package-lock.json" "$stamp" 2>/dev/null || ! node_tools_installed; then
    step "installing the npm tools (package.json)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error) || fail "npm ci failed"
    cp "$ROOT/package-lock.json" "$stamp"
  fi
}

# Debian's Chromium: the browser the end-to-end tests drive (Playwright's own download fails here).
ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    step "installing Chromium from Debian's packages"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && $sudo apt-get install -y -qq chromium >/dev/null \
      || fail "could not install Chromium with apt-get"
  fi
}

# The content-policy browser test serves the build with deploy/nginx.conf in a real nginx.
ensure_nginx() {
  if [ ! -x /usr/sbin/nginx ]; then
    step "installing nginx from Debian's packages (serves the build in the content-policy test)"
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq \
      --no-install-recommends nginx-light >/dev/null \
      || fail "could not install nginx with apt-get"
  fi
}

# The profile content tests run "what does this print" snippets with python3; some use Pydantic.
ensure_python_tools() {
  command -v python3 >/dev/null || fail "python3 is needed for the profile content tests"
  if ! python3 -c 'import pydantic, sys; sys.exit(pydantic.VERSION[0] != "2")' 2>/dev/null; then
    step "installing Pydantic 2 for python3 (profile snippets)"
    python3 -m pip install --quiet --user 'pydantic>=2,<3' \
      || python3 -m pip install --quiet 'pydantic>=2,<3' \
      || fail "could not install pydantic with pip"
  fi
}

# tests/reference/compare_irt.py checks Fitcheck's ability estimate against girth's 3PL EAP
# (girth brings numpy and scipy).
ensure_reference_tools() {
  command -v python3 >/dev/null || fail "python3 is needed for the IRT reference comparison"
  if ! python3 -c 'import girth, scipy.stats, sys
from importlib.metadata import version
sys.exit(not version("girth").startswith("0.8."))' 2>/dev/null; then
    step "installing girth 0.8 for python3 (IRT reference comparison)"
    python3 -m pip install --quiet --user 'girth>=0.8,<0.9' \
      || python3 -m pip install --quiet 'girth>=0.8,<0.9' \
      || fail "could not install girth with pip"
  fi
}

setup_build_tools() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_node_tools
}
