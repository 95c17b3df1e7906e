import type { Core } from '@strapi/strapi';
import { formats, winston } from '@strapi/logger';

// LOG_LEVEL=error keeps test runs quiet; http shows each request as Strapi does by default.
export default ({ env }: Core.Config.Shared.ConfigParams) => ({
  transports: [
    new winston.transports.Console({
      level: env('LOG_LEVEL', 'http'),
      format: formats.prettyPrint(),
    }),
  ],
});
