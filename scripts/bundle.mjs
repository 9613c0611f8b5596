#!/usr/bin/env node
/**
 * Build step: bundles the CLI with esbuild, so starting postlint reads a few files instead of
 * resolving and compiling ~150 modules (~230 ms of a one-draft run before).
 *
 * - dist/bundle/postlint.mjs: the CLI and what every run needs (commander, chalk, yaml, the rules).
 * - dist/bundle/vendor/*.cjs: each heavy dependency that only some runs need (src/dependencies.cts
 *   loads them on first use), bundled into one file of its own. V8 must at least scan every byte
 *   of a module it loads; kept apart, a run that never needs X's counting or the phone-number
 *   metadata never reads them.
 * The library entry (dist/src/index.js, from tsc) is not bundled: a program importing postlint
 * bundles it its own way.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outdir = join(root, 'dist', 'bundle');

/** Loaded lazily through require() in src/dependencies.cts. */
const VENDORED = ['twitter-text', 'libphonenumber-js', 'vader-sentiment', 'wink-sentiment', 'wink-porter2-stemmer', 'ajv', 're2js'];

const shared = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  // Smaller code parses faster. Identifiers are not renamed, so a --debug stack trace still reads
  // (and esbuild's keepNames, which wraps every function created at run time, is not needed).
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  metafile: true,
};

/** A dependency bundled from a file of ours instead of its package entry (scripts/vendor/). */
const PATCHED = { 'vader-sentiment': join(root, 'scripts', 'vendor', 'vader-sentiment.mjs') };

const vendor = await build({
  ...shared,
  entryPoints: Object.fromEntries(VENDORED.map((name) => [name, PATCHED[name] ?? name])),
  outdir: join(outdir, 'vendor'),
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  absWorkingDir: root,
});

const vendorPlugin = {
  name: 'postlint-vendor',
  setup(pluginBuild) {
    const filter = new RegExp(`^(?:${VENDORED.map((name) => name.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')).join('|')})$`);
    pluginBuild.onResolve({ filter }, (args) => ({ path: `./vendor/${args.path}.cjs`, external: true }));
  },
};

const cli = await build({
  ...shared,
  // The worker thread of a parallel run (src/parallel.ts) is an entry of its own, beside the CLI.
  entryPoints: { postlint: join(root, 'src', 'cli.ts'), 'lint-worker': join(root, 'src', 'lint-worker.ts') },
  outdir,
  splitting: true,
  format: 'esm',
  outExtension: { '.js': '.mjs' },
  // CommonJS code calls require(); an ES module has none, so give the bundle one.
  banner: { js: "import { createRequire as __postlintCreateRequire } from 'node:module'; const require = __postlintCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  plugins: [vendorPlugin],
});

const kib = (result) => Object.entries(result.metafile.outputs).filter(([file]) => /\.c?mjs$|\.cjs$/.test(file)).reduce((sum, [, output]) => sum + output.bytes, 0) / 1024;
process.stderr.write(`postlint build: CLI bundled → dist/bundle/ (${kib(cli).toFixed(0)} KiB, plus ${kib(vendor).toFixed(0)} KiB of dependencies loaded on demand)\n`);
