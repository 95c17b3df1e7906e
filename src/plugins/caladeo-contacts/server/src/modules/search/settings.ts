import type { Core } from '@strapi/strapi';
import { PLUGIN_ID } from '../../../../shared/constants';

export type SearchSettings = {
  /**
   * How many matching rows a list's total counts before it says "more than" (`totalIsExact:
   * false`): the count stops there, so that a common name never costs a count of the whole table.
   */
  countCap: number;
};

export const DEFAULT_SEARCH_SETTINGS: SearchSettings = { countCap: 10_000 };

export const searchSettings = (strapi: Core.Strapi): SearchSettings =>
  strapi.config.get(`plugin::${PLUGIN_ID}.search`, DEFAULT_SEARCH_SETTINGS);
