import type { Core } from '@strapi/strapi';
import { formats, winston } from '@strapi/logger';

// LOG_LEVEL=error keeps test runs quiet (silent hides everything); http shows each request as
// Strapi does by default.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  transports: [
    new winston.transports.Console({
      level: env('LOG_LEVEL', 'http') === 'silent' ? 'error' : env('LOG_LEVEL', 'http'),
      silent: env('LOG_LEVEL') === 'silent',
      format: formats.prettyPrint(),
    }),
  ],
});
