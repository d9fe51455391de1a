/**
 * Two dependencies do costly work when they load, for what guide never asks of them: fontkit's
 * brotli unpacks its 120 KB dictionary (~20 ms) for WOFF2 fonts, which guide refuses
 * (pipeline/fonts.ts), and pdfkit's AES builds its tables (~8 ms) for encrypted PDFs, which guide
 * does not make. In the bundle (make.ts) each is a stand-in with the package's exports, which
 * loads the package only if one is called.
 */

/** The exports of each package that its importer uses: a default, or names. */
const standIns: Record<string, readonly string[]> = {
  'brotli/decompress.js': ['default'],
  '@noble/ciphers/aes': ['cbc', 'ecb'],
};

/** The imports the bundle replaces, as esbuild's resolver sees them. */
export const standInFilter = new RegExp(
  `^(${Object.keys(standIns)
    .map((specifier) => specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})$`,
);

/**
 * The stand-in module for `specifier`, whose CommonJS build is `file`. It requires the package
 * through a `createRequire` of its own, so that esbuild leaves the package out of the bundle.
 */
export function standInSource(specifier: string, file: string): string {
  const exports = standIns[specifier];
  if (!exports) throw new Error(`no stand-in for ${specifier}`);
  const at = JSON.stringify(file);
  const lines = [
    "import { createRequire } from 'node:module';",
    'let loaded;',
    `const load = () => (loaded ??= createRequire(${at})(${at}));`,
  ];
  for (const name of exports) {
    lines.push(
      name === 'default'
        ? 'export default (...args) => load()(...args);'
        : `export const ${name} = (...args) => load().${name}(...args);`,
    );
  }
  return lines.join('\n');
}
