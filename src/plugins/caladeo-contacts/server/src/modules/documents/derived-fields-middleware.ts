import type { Core } from '@strapi/strapi';

import { UID } from '../../../../shared/constants';
import { derivedFieldsForOutput, type DerivationSettings } from './contact-fields';
import { getService } from '../../utils/get-service';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Walks a sanitized REST response along the schema of the type it holds and adds the derived
 * fields to every contact in it, including contacts populated through links, clients or offers.
 */
export const addDerivedFieldsToOutput = (
  strapi: Core.Strapi,
  uid: string,
  data: unknown,
  settings: DerivationSettings
): void => {
  const visit = (modelUid: string, value: unknown): void => {
    if (Array.isArray(value)) {
      value.forEach((item) => visit(modelUid, item));
      return;
    }
    if (!isObject(value)) return;
    const model = strapi.getModel(modelUid as typeof UID.contact);
    if (!model) return;
    for (const [name, attribute] of Object.entries(model.attributes)) {
      const target = (attribute as { type: string; target?: string }).target;
      if (attribute.type === 'relation' && target && name in value) visit(target, value[name]);
    }
    if (modelUid === UID.contact) Object.assign(value, derivedFieldsForOutput(value, settings));
  };
  visit(uid, data);
};

/**
 * Route middleware for the core routes of `config.uid` that reply with records (`find`, `findOne`,
 * `create`, `update`): runs after the controller, so it only ever sees output already sanitized
 * with the caller's permissions.
 */
const derivedContactFields =
  (config: { uid?: string }, { strapi }: { strapi: Core.Strapi }) =>
  async (ctx: { body: unknown }, next: () => Promise<void>) => {
    await next();
    const { body } = ctx;
    if (!config.uid || !isObject(body) || !('data' in body)) return;
    const settings = getService(strapi, 'offer-documents').derivationSettings();
    addDerivedFieldsToOutput(strapi, config.uid, body.data, settings);
  };

export default derivedContactFields;
