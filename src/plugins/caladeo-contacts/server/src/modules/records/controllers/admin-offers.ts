import type { Core } from '@strapi/strapi';
import { UID } from '../../../../../shared/constants';
import { readOrRefuse } from '../../../utils/errors';
import { getService } from '../../../utils/get-service';
import { readLinkCreateBody } from '../admin-request';
import { readOfferListQuery } from '../offer-list-request';

type Context = Parameters<Core.ControllerHandler>[0];

/** The offer list, an offer's page, and giving a contact a role from the offer's side. */
const adminOffers = ({ strapi }: { strapi: Core.Strapi }) => {
  const offers = () => getService(strapi, 'admin-offers');
  return {
    async find(ctx: Context) {
      ctx.body = await offers().list(readOrRefuse(readOfferListQuery(ctx.query)));
    },

    async findOne(ctx: Context) {
      ctx.body = { data: await offers().detail(ctx.params.documentId) };
    },

    async attachContact(ctx: Context) {
      const read = readOrRefuse(readLinkCreateBody(ctx.request.body, 'contact'));
      const offer = ctx.params.documentId as string;
      await offers().assertExists(offer);
      // the link rules check that the contact exists, refuse a duplicate role, keep one primary
      await strapi.documents(UID.offerContact).create({ data: { ...read, offer } as never });
      ctx.status = 201;
      ctx.body = { data: await offers().detail(offer) };
    },
  };
};

export default adminOffers;
