import { describe, expect, it } from '@jest/globals';
import type { Knex } from 'knex';
import { up } from '../../database/migrations/2026.11.27T02.00.00.offer-status-column';
import { UID } from '../../src/plugins/caladeo-contacts/shared/constants';
import { createOffer } from '../helpers/offers';
import { useStrapi } from '../helpers/strapi';

const app = useStrapi();

describe('the offer status column migration', () => {
  it('keeps the stage of offers stored before the rename, and changes nothing when run again', async () => {
    const knex = app.strapi.db.connection as unknown as Knex;
    const documentId = await createOffer(app.strapi, { offerStatus: 'accepted' });
    // a database from before the rename: the stage sits in a column named `status`
    await knex.schema.alterTable('offers', (table) => table.renameColumn('offer_status', 'status'));

    await up(knex);
    await up(knex);

    expect(await knex.schema.hasColumn('offers', 'status')).toBe(false);
    const offer = await app.strapi.documents(UID.offer).findOne({ documentId });
    expect(offer?.offerStatus).toBe('accepted');
  });
});
