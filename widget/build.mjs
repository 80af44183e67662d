// Bundles src/ and socket.io-client into one self-contained file, dist/relais-widget.js, and copies
// axe-core for the browser tests. Prints the bundle's size (raw and gzip).
import { copyFileSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build, transform } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");
const bundle = join(dist, "relais-widget.js");

// The stylesheet goes into the script as a minified string, adopted by the widget's shadow root.
const minifiedCssAsText = {
  name: "minified-css-as-text",
  setup(builder) {
    builder.onLoad({ filter: /\.css$/ }, async ({ path }) => {
      const { code } = await transform(readFileSync(path, "utf8"), { loader: "css", minify: true });
      return { contents: code, loader: "text" };
    });
  },
};

await build({
  entryPoints: [join(here, "src", "index.js")],
  outfile: bundle,
  bundle: true,
  format: "iife",
  platform: "browser", // picks socket.io-client's browser build, without its debug logging
  target: ["es2020", "chrome90", "firefox90", "safari14"],
  minify: true,
  legalComments: "eof",
  plugins: [minifiedCssAsText],
  logLevel: "warning",
});

mkdirSync(join(dist, "test"), { recursive: true });
copyFileSync(join(here, "node_modules", "axe-core", "axe.min.js"), join(dist, "test", "axe.min.js"));

const raw = readFileSync(bundle);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log(`dist/relais-widget.js: ${kib(raw.length)} raw, ${kib(gzipSync(raw, { level: 9 }).length)} gzip`);
