// Serves a build with the project's own deploy/nginx.conf in a real nginx (Debian's, installed
// by scripts/lib/setup.sh), as the container in deploy/ does: only the port, the root and the
// paths nginx writes to are changed.
import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { DIST } from "./server.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");
export const NGINX_CONF = path.join(ROOT, "deploy/nginx.conf");
const NGINX = process.env.NGINX ?? "/usr/sbin/nginx";

/** The Content-Security-Policy deploy/nginx.conf sends, read from the file. */
export function deployedPolicy() {
  const conf = fs.readFileSync(NGINX_CONF, "utf8");
  const match = conf.match(/set \$fitcheck_csp "([^"]+)";/);
  if (!match) throw new Error("deploy/nginx.conf sets no $fitcheck_csp");
  return match[1];
}

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts nginx with deploy/nginx.conf serving `root`; returns `{ url, origin, close }`. */
export async function startNginx({ root = DIST } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "fitcheck-nginx-"));
  const port = await freePort();
  const site = fs
    .readFileSync(NGINX_CONF, "utf8")
    .replace(/listen 8080;/, `listen 127.0.0.1:${port};`)
    .replace(/root \/usr\/share\/nginx\/html;/, `root ${root};`);
  if (!site.includes(`127.0.0.1:${port}`) || !site.includes(`root ${root};`)) {
    throw new Error("deploy/nginx.conf no longer has `listen 8080;` and `root /usr/share/nginx/html;`");
  }
  fs.writeFileSync(path.join(dir, "site.conf"), site);
  fs.writeFileSync(
    path.join(dir, "nginx.conf"),
    `daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log;
events {}
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  include ${dir}/site.conf;
}
`,
  );
  const child = spawn(NGINX, ["-p", dir, "-c", path.join(dir, "nginx.conf")], { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx stopped: ${stderr}${fs.readFileSync(path.join(dir, "error.log"), "utf8")}`);
    const up = await fetch(origin).then(() => true, () => false);
    if (up) break;
    if (i > 100) throw new Error("nginx did not start within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    url: `${origin}/`,
    close: async () => {
      child.kill("SIGQUIT");
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on("exit", resolve)));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
