// Bundles the BFF into dist/main.js. Our workspace packages (TypeScript sources) are bundled in;
// every other dependency (the BFF's own and those of the workspace packages it bundles)
// stays an ordinary runtime import, resolved from apps/bff/node_modules (so each must be listed
// in apps/bff/package.json too; the build fails if one is missing).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { build } from 'esbuild';

const readPkg = (file) => JSON.parse(readFileSync(file, 'utf8'));
const repo = path.resolve(import.meta.dirname, '..', '..');
const own = readPkg(path.join(import.meta.dirname, 'package.json'));
/** Every workspace package by name. */
const workspace = new Map(
  ['apps', 'packages']
    .flatMap((dir) =>
      readdirSync(path.join(repo, dir)).map((name) => path.join(repo, dir, name, 'package.json')),
    )
    .filter((file) => existsSync(file))
    .map((file) => [readPkg(file).name, readPkg(file)]),
);

/** Runtime dependencies of a package and of the workspace packages it depends on, recursively. */
function runtimeDeps(pkg, seen = new Set()) {
  const deps = new Set();
  for (const name of Object.keys(pkg.dependencies ?? {})) {
    if (!name.startsWith('@zonedeck/')) deps.add(name);
    else if (!seen.has(name)) {
      seen.add(name);
      for (const dep of runtimeDeps(workspace.get(name), seen)) deps.add(dep);
    }
  }
  return deps;
}

const external = [...runtimeDeps(own)];

const result = await build({
  entryPoints: ['src/main.ts'],
  outfile: 'dist/main.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: [...external, ...external.map((name) => `${name}/*`)],
  // esbuild's ESM output has no require(); some bundled code may still call it.
  banner: {
    js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
  logLevel: 'warning',
  metafile: true,
});

// What the bundle really imports at runtime must resolve from apps/bff: listed in its package.json.
const packageOf = (spec) =>
  spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
const imported = new Set(
  Object.values(result.metafile.outputs)
    .flatMap((output) => output.imports)
    .filter((i) => i.external && !i.path.startsWith('node:'))
    .map((i) => packageOf(i.path)),
);
const undeclared = [...imported].filter((name) => !(name in own.dependencies));
if (undeclared.length) {
  console.error(
    `apps/bff/package.json must list what its bundle imports at runtime: ${undeclared.join(', ')}`,
  );
  process.exit(1);
}
