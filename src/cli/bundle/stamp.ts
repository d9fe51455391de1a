/** The bundle's stamp (lib/bundle/bundle.json), written by make.ts and read by launch.cts. */

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
