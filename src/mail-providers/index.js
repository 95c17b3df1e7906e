// @strapi/email lower-cases its `provider` setting before requiring it, so an absolute path breaks
// in any folder whose name has a capital letter. The app's providers are therefore reached by this
// package's name (a `file:` dependency of the app); their code is the app's compiled TypeScript.
const path = require('path');

const compiledDir = path.resolve(__dirname, '..', '..', 'dist', 'src', 'mail-providers');
const TRANSPORTS = { files: 'files', capture: 'capture' };

module.exports = {
  init(options = {}, settings = {}) {
    const transport = TRANSPORTS[options.transport];
    if (!transport) {
      throw new Error(`caladeo-mail-providers: unknown transport "${options.transport}" (files or capture)`);
    }
    return require(path.join(compiledDir, transport)).init(options, settings);
  },
};
