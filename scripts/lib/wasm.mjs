// The release build's wasm, optimised once, here (index.html tells Trunk to leave it alone):
//
// 1. wasm-bindgen's module keeps the classes the Rust crates export, whether the app uses them or
//    not. Leptos brings `wasm-streams` (through server_fn, which is not optional), whose classes
//    turn Rust streams into JavaScript ones for server functions; this app has none, and nothing
//    in the module makes one. Such a class, named nowhere else in the module, is left out of it.
// 2. Then the wasm keeps only the exports the module still calls (binaryen's wasm-metadce), so
//    the code behind the classes goes too.
// 3. Then binaryen's wasm-opt, with the passes measured to give the smallest file (below).
//
// The wasm's integrity hash in index.html is written anew. Measured on the release build (wasm
// raw / brotli 11, B): Trunk's own `wasm-opt -Oz` 693,412 / 218,046; see OPTIMISE for the rest.
import { execFileSync } from "node:child_process";
import crypto from "node:crypto";
import * as acorn from "acorn";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { baseHref, integrity, linkedFile } from "./built-html.mjs";

// The features rustc enables for wasm32-unknown-unknown (`rustc --print cfg --target
// wasm32-unknown-unknown`); binaryen must know them to read and keep the code.
const FEATURES = [
  "--enable-bulk-memory",
  "--enable-nontrapping-float-to-int",
  "--enable-sign-ext",
  "--enable-mutable-globals",
  "--enable-reference-types",
  "--enable-multivalue",
];

// wasm-opt's passes, in order. Measured on the same input, the wasm after step 2 (raw / brotli
// 11, B): `-Oz` 688,703 / 216,082. Flattening the code and rebuilding its control flow
// (`--flatten --rereloop`) between two rounds of `-Oz`, then a third, finds more to fold.
// `--low-memory-unused` lets binaryen fold constant offsets into loads and stores: Rust puts its
// stack in the first megabyte, growing down from the top, and its data above it, so nothing lives
// in the first kilobyte but the null pointer.
export const OPTIMISE = ["-Oz", "--flatten", "--rereloop", "-Oz", "-Oz", "--low-memory-unused"];

/** Every top-level statement of the module `glue` (parsed with acorn), with the name of the
 * class it belongs to, if any: an exported class's definition, its `Symbol.dispose` line and
 * its finalizer (`const <Name>Finalization = …`). */
function statements(glue) {
  const program = acorn.parse(glue, { ecmaVersion: "latest", sourceType: "module" });
  const classes = new Set(
    program.body
      .filter((s) => s.type === "ExportNamedDeclaration" && s.declaration?.type === "ClassDeclaration")
      .map((s) => s.declaration.id.name),
  );
  const owner = (s) => {
    if (s.type === "ExportNamedDeclaration" && s.declaration?.type === "ClassDeclaration") {
      return s.declaration.id.name;
    }
    if (s.type === "VariableDeclaration" && s.declarations.length === 1) {
      const name = s.declarations[0].id.name?.replace(/Finalization$/, "");
      if (s.declarations[0].id.name === `${name}Finalization` && classes.has(name)) return name;
    }
    if (
      s.type === "IfStatement" &&
      glue.slice(s.test.start, s.test.end) === "Symbol.dispose" &&
      s.consequent.type === "ExpressionStatement"
    ) {
      const target = s.consequent.expression.left?.object?.object?.name;
      if (classes.has(target)) return target;
    }
    return null;
  };
  return program.body.map((s) => ({ node: s, owner: owner(s) }));
}

/** Every identifier named in `node`, however deep. */
function identifiers(node, into = new Set()) {
  if (node && typeof node === "object") {
    if (node.type === "Identifier") into.add(node.name);
    for (const value of Object.values(node)) identifiers(value, into);
  }
  return into;
}

/** The names of the classes wasm-bindgen's module `glue` exports and names nowhere outside their
 * own definition, `Symbol.dispose` line and finalizer. */
export function unusedClasses(glue) {
  const all = statements(glue);
  const named = identifiers(all.filter((s) => s.owner === null).map((s) => s.node));
  const classes = [...new Set(all.map((s) => s.owner).filter((o) => o !== null))];
  return classes.filter((name) => !named.has(name) && !named.has(`${name}Finalization`));
}

/** `glue` without the classes `names`: each one's definition, `Symbol.dispose` line and
 * finalizer, each with the line break after it. */
export function withoutClasses(glue, names) {
  const gone = statements(glue)
    .filter((s) => names.includes(s.owner))
    .map((s) => [s.node.start, glue[s.node.end] === "\n" ? s.node.end + 1 : s.node.end]);
  let text = glue;
  for (const [start, end] of gone.reverse()) text = text.slice(0, start) + text.slice(end);
  return text;
}

/** The exports of the wasm that `glue` calls or reads: `<exports>.<name>`, where `exports` is the
 * name the module gives the instance's exports (`wasm`, until compact.mjs minifies it). */
export function calledExports(glue, exports = "wasm") {
  const name = exports.replace(/\$/g, "\\$");
  return new Set([...glue.matchAll(new RegExp(`(?<![\\w$.])${name}\\.(\\w+)`, "g"))].map((m) => m[1]));
}

const LINK = /(<link rel="preload"[^>]* href="([^"]+_bg\.wasm)"[^>]*) integrity="[^"]*"/;
const MODULE = /<link rel="modulepreload"[^>]* href="([^"]+\.js)"/;

/** Binaryen's tool `name`, from npm's binaryen (scripts/lib/setup.sh installs it). */
function tool(name) {
  return fileURLToPath(new URL(`../../node_modules/.bin/${name}`, import.meta.url));
}

/** Optimises the wasm `dir`/index.html loads, as described at the top of this file. */
export function optimiseWasm(dir) {
  const file = path.join(dir, "index.html");
  const html = fs.readFileSync(file, "utf8");
  const base = baseHref(html) ?? "/";
  const wasmHref = html.match(LINK)?.[2];
  const glueHref = html.match(MODULE)?.[1];
  if (!wasmHref || !glueHref) throw new Error("index.html: no wasm preload or module preload found");
  const wasmFile = linkedFile(dir, base, wasmHref);
  const glueFile = linkedFile(dir, base, glueHref);

  const full = fs.readFileSync(glueFile, "utf8");
  const glue = withoutClasses(full, unusedClasses(full));
  fs.writeFileSync(glueFile, glue);

  const called = calledExports(glue);
  const input = fs.readFileSync(wasmFile);
  const exports = WebAssembly.Module.exports(new WebAssembly.Module(input));
  const graph = exports
    .filter((e) => called.has(e.name))
    .map((e) => ({ name: e.name, export: e.name, root: true }));
  const missing = [...called].filter((name) => !exports.some((e) => e.name === name));
  if (missing.length > 0) throw new Error(`wasm-bindgen's module calls what the wasm lacks: ${missing}`);

  // The same wasm and roots always optimise to the same file: the sub-path build, and a build
  // whose Rust did not change, take it from target/ instead of spending half a minute again.
  const key = crypto
    .createHash("sha256")
    .update(input)
    .update(JSON.stringify([graph, FEATURES, OPTIMISE, process.env.FITCHECK_KEEP_NAMES ?? "", execFileSync(tool("wasm-opt"), ["--version"]).toString()]))
    .digest("hex");
  const cached = path.join(CACHE, `${key}.wasm`);
  if (fs.existsSync(cached)) {
    fs.copyFileSync(cached, wasmFile);
  } else {
    optimise(wasmFile, graph);
    fs.mkdirSync(CACHE, { recursive: true });
    fs.copyFileSync(wasmFile, cached);
    // The last few builds are enough: the newest four stay.
    const byAge = fs
      .readdirSync(CACHE)
      .map((name) => path.join(CACHE, name))
      .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
    for (const old of byAge.slice(4)) fs.rmSync(old);
  }
  const wasm = fs.readFileSync(wasmFile);
  fs.writeFileSync(file, html.replace(LINK, (_, start) => `${start} integrity="${integrity(wasm)}"`));
}

// Optimised wasm files, by a hash of their input (see above).
const CACHE = fileURLToPath(new URL("../../target/fitcheck-wasm/", import.meta.url));

/** Steps 2 and 3 on `wasmFile`, in place, keeping the exports `graph` lists as roots. */
function optimise(wasmFile, graph) {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "fitcheck-wasm-"));
  try {
    const graphFile = path.join(work, "graph.json");
    const kept = path.join(work, "kept.wasm");
    fs.writeFileSync(graphFile, JSON.stringify(graph));
    const run = (name, args) => execFileSync(tool(name), args, { stdio: ["ignore", "ignore", "inherit"] });
    // FITCHECK_KEEP_NAMES=1 keeps the functions' names, for a size profiler (twiggy) to read;
    // Trunk must keep them too (`data-keep-debug` on index.html's rust link).
    const keep = process.env.FITCHECK_KEEP_NAMES === "1";
    run("wasm-metadce", [...FEATURES, wasmFile, "--graph-file", graphFile, ...(keep ? ["-g"] : []), "-o", kept]);
    const names = keep ? ["-g"] : ["--strip-debug", "--strip-producers"];
    run("wasm-opt", [...FEATURES, kept, ...OPTIMISE, ...names, "-o", wasmFile]);
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}
