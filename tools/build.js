// Compiles the services and libraries to plain JavaScript in dist/ with SWC (decorator metadata for Nest,
// @gatehouse/* imports rewritten to relative paths), so processes run without a TypeScript compiler loaded.
const { transformFile } = require('@swc/core');
const { mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { compilerOptions } = require('../tsconfig.base.json');

const root = join(__dirname, '..');
const out = join(root, 'dist');

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sources(path);
    return /(?<!\.spec|\.d)\.ts$/.test(entry.name) ? [path] : [];
  });
}

async function build() {
  const started = Date.now();
  rmSync(out, { recursive: true, force: true });
  const files = ['libs', 'services', 'bench'].flatMap((dir) => sources(join(root, dir)));
  await Promise.all(
    files.map(async (file) => {
      const { code, map } = await transformFile(file, {
        sourceMaps: true,
        module: { type: 'commonjs' },
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
          baseUrl: root,
          paths: compilerOptions.paths,
        },
      });
      const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, `${code}\n//# sourceMappingURL=${target.split('/').pop()}.map`);
      writeFileSync(`${target}.map`, map);
    }),
  );
  console.log(`built ${files.length} files into dist/ in ${Date.now() - started} ms`);
}

build().catch((error) => {
  console.error(error);
  process.exit(1);
});
