// The release build's wasm step (scripts/lib/wasm.mjs): the classes of wasm-bindgen's module that
// nothing makes are left out, and the wasm keeps exactly the exports the module calls. A wasm
// that lacked one the module calls would fail only when that call came; one that kept more would
// carry code nothing can reach.
import { test } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import * as acorn from "acorn";
import { DIST, DIST_SUBPATH } from "./support/server.mjs";
import { calledExports, unusedClasses, withoutClasses } from "../../scripts/lib/wasm.mjs";
import { baseHref, integrity, linkedFile } from "../../scripts/lib/built-html.mjs";

/** The wasm and wasm-bindgen's module that `dir`/index.html loads, and the wasm's stated hash. */
function built(dir) {
  const html = fs.readFileSync(path.join(dir, "index.html"), "utf8");
  const base = baseHref(html) ?? "/";
  const preload = html.match(/<link rel="preload"[^>]* href="([^"]+_bg\.wasm)"[^>]* integrity="([^"]*)"/);
  const module = html.match(/<link rel="modulepreload"[^>]* href="([^"]+\.js)"/);
  assert.ok(preload && module, `${dir}/index.html preloads the wasm and its module`);
  return {
    wasm: fs.readFileSync(linkedFile(dir, base, preload[1])),
    stated: preload[2],
    glue: fs.readFileSync(linkedFile(dir, base, module[1]), "utf8"),
  };
}

for (const dir of [DIST, DIST_SUBPATH]) {
  test(`${path.basename(dir)}: the wasm exports exactly what wasm-bindgen's module calls, under its stated hash`, () => {
    const { wasm, stated, glue } = built(dir);
    const exported = WebAssembly.Module.exports(new WebAssembly.Module(wasm)).map((e) => e.name);
    // The minified module keeps the instance's exports under a short name: `<name>=<x>.exports`.
    const handle = glue.match(/([\w$]+)=[\w$]+\.exports[;,]/)?.[1];
    assert.ok(handle, "wasm-bindgen's module keeps the instance's exports");
    assert.deepEqual([...exported].sort(), [...calledExports(glue, handle)].sort());
    assert.ok(exported.includes("__wbindgen_start"), "the app's start is kept");
    assert.doesNotMatch(glue, /IntoUnderlying/, "wasm-streams' classes are left out");
    assert.equal(stated, integrity(wasm), "index.html states the optimised file's hash");
  });
}

// A module in wasm-bindgen's shape: one class nothing makes, one an import returns.
const GLUE = `export class Unused {
    free() {
        UnusedFinalization.unregister(this);
        wasm.__wbg_unused_free(this.__wbg_ptr, 0);
    }
    size() {
        return wasm.unused_size(this.__wbg_ptr);
    }
}
if (Symbol.dispose) Unused.prototype[Symbol.dispose] = Unused.prototype.free;
export class Made {
    static __wrap(ptr) {
        const obj = Object.create(Made.prototype);
        obj.__wbg_ptr = ptr;
        return obj;
    }
    free() {
        wasm.__wbg_made_free(this.__wbg_ptr, 0);
    }
}
if (Symbol.dispose) Made.prototype[Symbol.dispose] = Made.prototype.free;
function __wbg_get_imports() {
    return { __wbg_made_new: (ptr) => Made.__wrap(ptr) };
}
const UnusedFinalization = (typeof FinalizationRegistry === 'undefined')
    ? { register: () => {}, unregister: () => {} }
    : new FinalizationRegistry(ptr => wasm.__wbg_unused_free(ptr, 1));
let wasm;
export function start() { wasm.__wbindgen_start(); }
`;

test("a class nothing makes is left out with its dispose line and finalizer; one the module makes stays", () => {
  assert.deepEqual(unusedClasses(GLUE), ["Unused"]);
  const kept = withoutClasses(GLUE, ["Unused"]);
  acorn.parse(kept, { ecmaVersion: "latest", sourceType: "module" });
  assert.doesNotMatch(kept, /Unused/);
  assert.match(kept, /^export class Made \{$/m);
  assert.match(kept, /^if \(Symbol\.dispose\) Made\.prototype/m);
  assert.deepEqual([...calledExports(kept)].sort(), ["__wbg_made_free", "__wbindgen_start"]);
  assert.deepEqual(
    [...calledExports(GLUE)].sort(),
    ["__wbg_made_free", "__wbg_unused_free", "__wbindgen_start", "unused_size"],
  );
});
