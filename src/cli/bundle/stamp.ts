/**
 * The bundle's stamp (lib/bundle/bundle.json), written by make.ts and read by launch.cts; and the
 * record of its compiled code, written by start.cts's runs at install and marked complete by make.ts.
 */

/** A file as seen when the bundle was made: its path, size and modification time. */
export type FileStamp = [file: string, size: number, mtimeMs: number];

export interface BundleStamp {
  /** The bundle's folder in the bundle folder; named by the key. */
  folder: string;
  /** sha256 of guide's version and the bundle's files. */
  key: string;
  guide: string;
  /** The package folder it was made in (a copy elsewhere, packed or moved, has its own paths). */
  root: string;
  /**
   * package.json, npm's record of node_modules and tsc's of lib/ (or, where one is missing, the
   * files it stands for, each bundled dependency or module of guide's), and any bundled module
   * of guide's outside lib/.
   */
  inputs: FileStamp[];
}

/** What the runs at install made in a bundle's folder (start.cts `train`). */
export interface CompiledCodeRecord {
  node: string;
  arch: string;
  /** V8's tag of its version, flags and the processor's features (`v8.cachedDataVersionTag()`). */
  v8: number;
  /** Each module's source and code by the module's file name, as their CRC-32s. */
  files: Record<string, [source: number, code: number]>;
  /** Set by make.ts once every run has made its code. */
  complete?: true;
}
