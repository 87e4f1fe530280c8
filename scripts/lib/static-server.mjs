// A small static server, as any static host serves a build: real files as they are, and
// index.html for app routes (paths without a file extension). The build's prerender
// (scripts/lib/prerender.mjs), the browser tests and the bench all serve through it.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";

/** Content types by file ending, as a static host sends them. */
export const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".webmanifest": "application/manifest+json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

/**
 * Serves `root` under `base` (e.g. "/" or "/fitcheck/") on a free loopback port. `deploy(dir)`
 * swaps the served files for another build, as a new deploy to the same host would.
 */
export async function startServer({ root, base = "/" }) {
  const requests = [];
  /** Every response's path and body size, in the order they were sent. */
  const transfers = [];
  const server = http.createServer(async (req, res) => {
    requests.push(req.url);
    // Counts the body bytes of every response, whatever sends it.
    let bytes = 0;
    const end = res.end.bind(res);
    res.end = (chunk, ...rest) => {
      if (chunk) bytes += Buffer.byteLength(chunk);
      return end(chunk, ...rest);
    };
    res.on("finish", () => transfers.push({ url: req.url, bytes }));
    const url = new URL(req.url, "http://localhost");
    if (!url.pathname.startsWith(base)) {
      res.writeHead(404).end("not found");
      return;
    }
    const relative = decodeURIComponent(url.pathname.slice(base.length));
    let file = path.join(root, relative);
    if (!file.startsWith(root)) {
      res.writeHead(403).end("forbidden");
      return;
    }
    let body;
    try {
      const stat = await fs.stat(file);
      if (stat.isDirectory()) file = path.join(file, "index.html");
      body = await fs.readFile(file);
    } catch {
      if (path.extname(relative) !== "") {
        res.writeHead(404).end("not found");
        return;
      }
      file = path.join(root, "index.html");
      body = await fs.readFile(file);
    }
    res.writeHead(200, {
      "content-type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "content-length": body.length,
      "cache-control": "no-cache",
    });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    url: `http://127.0.0.1:${port}${base}`,
    requests,
    transfers,
    deploy: (dir) => {
      root = dir;
    },
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); }),
  };
}
