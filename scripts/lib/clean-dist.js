/**
 * Empties the compiled server code in dist/ before a compile, keeping the admin build
 * (dist/build). The TypeScript compile only adds and overwrites files: without this, a migration,
 * content type or route deleted from the sources would still be loaded from an older dist/.
 */
const fs = require('fs');
const path = require('path');

const KEPT = new Set(['build']);

exports.cleanCompiledServer = (appDir) => {
  const distDir = path.join(appDir, 'dist');
  if (!fs.existsSync(distDir)) return;
  for (const entry of fs.readdirSync(distDir)) {
    if (!KEPT.has(entry)) fs.rmSync(path.join(distDir, entry), { recursive: true, force: true });
  }
};
