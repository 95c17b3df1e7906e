/** See clean-dist.js: empties dist/ but for the admin build, before a compile. */
export function cleanCompiledServer(appDir: string): void;
