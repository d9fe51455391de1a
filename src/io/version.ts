import { createRequire } from 'node:module';

/** The package version, read once from package.json next to lib/. */
export const version: string = (createRequire(import.meta.url)('../../package.json') as { version: string }).version;
