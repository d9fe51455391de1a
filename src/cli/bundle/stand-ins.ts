/**
 * Some dependencies do costly work when they load, for what guide never asks of them: fontkit's
 * brotli unpacks its 120 KB dictionary (~20 ms) for WOFF2 fonts, which guide refuses
 * (pipeline/fonts.ts); pdfkit's AES builds its tables (~8 ms) for encrypted PDFs, which guide
 * does not make; commander loads node's child_process (2–5 ms of every start) to run a
 * subcommand's own executable, which guide's commands never are. Others are needed only by some
 * runs of a command: yaml (260 KB, ~9 ms to load) parses only the files the build cache has not
 * kept, so a `guide validate` or `guide build` with nothing edited never calls it. In the bundle
 * (make.ts) each is a stand-in with the exports its importer uses, which loads the real module
 * only if one is called.
 *
 * Two packages are replaced outright, by modules that give guide what it needs of them
 * (`equivalents`).
 */

interface StandIn {
  /** The exports its importer uses: a default, or names. */
  exports: readonly string[];
  /** Only this package's import is replaced (guide's own modules use child_process for git). */
  importer?: string;
  /**
   * The package as one CommonJS file, which make.ts writes beside the bundle's modules under this
   * name and the stand-in requires: node's own require of a package of many files costs more than
   * the bundle saved (yaml: 74 files, 30 ms, against 9 ms for the one file).
   */
  commonJsFile?: string;
}

const standIns: Record<string, StandIn> = {
  'brotli/decompress.js': { exports: ['default'] },
  '@noble/ciphers/aes': { exports: ['cbc', 'ecb'] },
  'node:child_process': { exports: ['spawn'], importer: 'commander' },
  // Called only for a font guide does not read itself (writers/pdf/sfnt.ts: the bundled fonts
  // never), and pdfkit never calls it for guide.
  fontkit: { exports: ['create'], commonJsFile: 'fontkit.cjs' },
  yaml: {
    exports: [
      // Made by schema/plain-yaml.ts, which reads most files without yaml's parser.
      'Document',
      'Pair',
      'Scalar',
      'YAMLMap',
      'YAMLSeq',
      'parseDocument',
      'stringify',
      'visit',
      'isAlias',
      'isCollection',
      'isMap',
      'isNode',
      'isPair',
      'isScalar',
      'isSeq',
    ],
    commonJsFile: 'yaml.cjs',
  },
};

/** A module of the bundle's own in place of a package. */
interface Equivalent {
  /** Its source, a CommonJS module. */
  source: string;
  /** Only this package's import is replaced. */
  importer?: string;
}

/**
 * Packages the bundle replaces with a module of its own that gives its importer what guide needs
 * of them.
 * - tiny-inflate unpacks, in JavaScript, the Unicode tables that linebreak and fontkit build as
 *   they load (five tries, 215 KB): about 20 ms of every process that sets text (build, batch and
 *   each of its workers, preview), against 2.4 ms for node's zlib. Both read raw DEFLATE and stop
 *   at its end (fontkit's WOFF tables are followed by a checksum).
 * - source-map: handlebars writes the code of every template it compiles through source-map's
 *   SourceNode when it finds the package, for source maps guide never asks for. Without it,
 *   handlebars joins its code as strings, writing an expression used more than once where it is
 *   used rather than once under an alias: the same text comes out (handlebars' own way where the
 *   package is missing, as in a browser). Loading source-map and walking its nodes took ~5 ms of a
 *   build.
 */
const equivalents: Record<string, Equivalent> = {
  'tiny-inflate': {
    source: [
      "const { inflateRawSync } = require('node:zlib');",
      '// As tiny-inflate does: fills dest (what does not fit is dropped) and returns it, or a copy',
      '// of the part filled when shorter.',
      'module.exports = function inflate(source, dest) {',
      '  const out = inflateRawSync(source);',
      '  dest.set(out.length > dest.length ? out.subarray(0, dest.length) : out);',
      '  return out.length < dest.length ? dest.slice(0, out.length) : dest;',
      '};',
    ].join('\n'),
  },
  'source-map': {
    source: '// No SourceNode: handlebars joins the code of its templates as strings.\nmodule.exports = {};',
    importer: 'handlebars',
  },
};

/** The stand-ins that load a one-file CommonJS build of their package: `[specifier, file name]`. */
export function commonJsFileStandIns(): [specifier: string, file: string][] {
  return Object.entries(standIns).flatMap(([specifier, { commonJsFile }]) =>
    commonJsFile ? [[specifier, commonJsFile]] : [],
  );
}

/** The imports the bundle may replace, as esbuild's resolver sees them; `standsIn` decides. */
export const standInFilter = new RegExp(
  `^(${[...Object.keys(standIns), ...Object.keys(equivalents)]
    .map((specifier) => specifier.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|')})$`,
);

/** Whether the bundle replaces `specifier` where the module at `importer` (a path) imports it. */
export function standsIn(specifier: string, importer: string): boolean {
  const replaced = Object.hasOwn(equivalents, specifier) ? equivalents[specifier] : standIns[specifier];
  if (!replaced) return false;
  return (
    replaced.importer === undefined || importer.split(/[\\/]/).join('/').includes(`/node_modules/${replaced.importer}/`)
  );
}

/**
 * The stand-in module for `specifier`, which `file` is (a path, resolved as node would from the
 * importer; the name of one of node's own modules; or `./` and the one-file build's name, beside
 * the bundle's module that holds the stand-in). It requires it when first called; make.ts leaves
 * that require out of the bundle, for the bundle's start (start.cts) or node to load. An
 * equivalent's module is its own and loads nothing else.
 */
export function standInSource(specifier: string, file: string): string {
  if (Object.hasOwn(equivalents, specifier)) return equivalents[specifier]!.source;
  const standIn = standIns[specifier];
  if (!standIn) throw new Error(`no stand-in for ${specifier}`);
  const local = (name: string) => (name === 'default' ? 'standInDefault' : name);
  const real = (name: string) => (name === 'default' ? 'loaded' : `loaded.${name}`);
  // The first call puts the package's own functions in place of every export: importers see them
  // through the live bindings, so later calls (yaml's isScalar, once per node) skip the stand-in.
  // A class is called with `new` (yaml's Scalar), and its stand-in constructs the real one.
  // Functions only: until the first call, a property of one (yaml's visit.BREAK, say) is not there.
  const lines = [
    'function load() {',
    `  const loaded = require(${JSON.stringify(file)});`,
    ...standIn.exports.map((name) => `  ${local(name)} = ${real(name)};`),
    '}',
    ...standIn.exports.map(
      (name) =>
        `let ${local(name)} = function (...args) {\n  load();\n  return new.target ? new ${local(name)}(...args) : ${local(name)}(...args);\n};`,
    ),
    `export { ${standIn.exports.map((name) => (name === 'default' ? 'standInDefault as default' : name)).join(', ')} };`,
  ];
  return lines.join('\n');
}
