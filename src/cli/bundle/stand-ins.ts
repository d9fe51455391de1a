/**
 * Some dependencies do costly work when they load, for what guide never asks of them: fontkit's
 * brotli unpacks its 120 KB dictionary (~20 ms) for WOFF2 fonts, which guide refuses
 * (pipeline/fonts.ts); pdfkit's AES builds its tables (~8 ms) for encrypted PDFs, which guide
 * does not make; commander loads node's child_process (2–5 ms of every start) to run a
 * subcommand's own executable, which guide's commands never are. In the bundle (make.ts) each is
 * a stand-in with the exports its importer uses, which loads the real module only if one is
 * called.
 */

interface StandIn {
  /** The exports its importer uses: a default, or names. */
  exports: readonly string[];
  /** Only this package's import is replaced (guide's own modules use child_process for git). */
  importer?: string;
}

const standIns: Record<string, StandIn> = {
  'brotli/decompress.js': { exports: ['default'] },
  '@noble/ciphers/aes': { exports: ['cbc', 'ecb'] },
  'node:child_process': { exports: ['spawn'], importer: 'commander' },
};

/** The imports the bundle may replace, as esbuild's resolver sees them; `standsIn` decides. */
export const standInFilter = new RegExp(
  `^(${Object.keys(standIns)
    .map((specifier) => specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})$`,
);

/** Whether the bundle replaces `specifier` where the module at `importer` (a path) imports it. */
export function standsIn(specifier: string, importer: string): boolean {
  const standIn = standIns[specifier];
  if (!standIn) return false;
  return (
    standIn.importer === undefined || importer.split(/[\\/]/).join('/').includes(`/node_modules/${standIn.importer}/`)
  );
}

/**
 * The stand-in module for `specifier`, which `file` is (a path, resolved as node would from the
 * importer, or the name of one of node's own modules). It requires it through `createRequire`,
 * so that esbuild leaves it out of the bundle.
 */
export function standInSource(specifier: string, file: string): string {
  const standIn = standIns[specifier];
  if (!standIn) throw new Error(`no stand-in for ${specifier}`);
  const lines = [
    "import { createRequire } from 'node:module';",
    'let loaded;',
    `const load = () => (loaded ??= createRequire(import.meta.url)(${JSON.stringify(file)}));`,
  ];
  for (const name of standIn.exports) {
    lines.push(
      name === 'default'
        ? 'export default (...args) => load()(...args);'
        : `export const ${name} = (...args) => load().${name}(...args);`,
    );
  }
  return lines.join('\n');
}
