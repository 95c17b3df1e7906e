import { ACTION } from '../../../../../shared/constants';
import { guarded, type AdminRoute } from '../../../utils/routes';

/** Served under `/caladeo-contacts`, for the plugin's pages in the admin panel. */
export const ADMIN_ROUTES: AdminRoute[] = [
  guarded('GET', '/contacts', 'admin-contacts.find', ACTION['contacts.read']),
  // the list's total apart, for a list read with `withCount=false`: the same permission as the list
  guarded('GET', '/contacts/count', 'admin-contacts.count', ACTION['contacts.read']),
  guarded('GET', '/contacts/export', 'admin-contacts.export', ACTION['contacts.export']),
  // bulk actions of the contact list: done while the request waits up to bulk.inlineMax contacts,
  // a job past it; a job is read and cancelled with the action it does
  guarded('POST', '/contacts/bulk/links', 'admin-bulk.attach', ACTION['contacts.update']),
  guarded('POST', '/contacts/bulk/delete', 'admin-bulk.delete', ACTION['contacts.delete']),
  guarded('GET', '/contacts/bulk/links/jobs/:id', 'admin-bulk.findLinksJob', ACTION['contacts.update']),
  guarded(
    'POST',
    '/contacts/bulk/links/jobs/:id/cancel',
    'admin-bulk.cancelLinksJob',
    ACTION['contacts.update']
  ),
  guarded('GET', '/contacts/bulk/delete/jobs/:id', 'admin-bulk.findDeleteJob', ACTION['contacts.delete']),
  guarded(
    'POST',
    '/contacts/bulk/delete/jobs/:id/cancel',
    'admin-bulk.cancelDeleteJob',
    ACTION['contacts.delete']
  ),
  guarded('GET', '/contacts/:documentId', 'admin-contacts.findOne', ACTION['contacts.read']),
  guarded('POST', '/contacts', 'admin-contacts.create', ACTION['contacts.create']),
  guarded('PUT', '/contacts/:documentId', 'admin-contacts.update', ACTION['contacts.update']),
  guarded('DELETE', '/contacts/:documentId', 'admin-contacts.delete', ACTION['contacts.delete']),
  // a contact's roles on clients and offers are part of editing the contact
  guarded(
    'POST',
    '/contacts/:documentId/client-links',
    'admin-links.attachClient',
    ACTION['contacts.update']
  ),
  guarded('POST', '/contacts/:documentId/offer-links', 'admin-links.attachOffer', ACTION['contacts.update']),
  guarded('PUT', '/client-links/:documentId', 'admin-links.updateClientLink', ACTION['contacts.update']),
  guarded('PUT', '/offer-links/:documentId', 'admin-links.updateOfferLink', ACTION['contacts.update']),
  guarded('DELETE', '/client-links/:documentId', 'admin-links.detachClient', ACTION['contacts.update']),
  guarded('DELETE', '/offer-links/:documentId', 'admin-links.detachOffer', ACTION['contacts.update']),
  guarded('GET', '/offers', 'admin-links.searchOffers', ACTION['contacts.update']),
  // the offer list and page; the picker above stays on /offers for roles that attach contacts
  guarded('GET', '/offer-list', 'admin-offers.find', ACTION['offers.read']),
  guarded('GET', '/offers/:documentId', 'admin-offers.findOne', ACTION['offers.read']),
  // giving a contact a role on an offer edits the contact, from whichever side it is done
  guarded(
    'POST',
    '/offers/:documentId/contact-links',
    'admin-offers.attachContact',
    ACTION['contacts.update']
  ),
  guarded('GET', '/clients', 'admin-clients.find', ACTION['clients.read']),
  guarded('GET', '/clients/count', 'admin-clients.count', ACTION['clients.read']),
  guarded('GET', '/clients/export', 'admin-clients.export', ACTION['clients.export']),
  guarded('GET', '/clients/:documentId', 'admin-clients.findOne', ACTION['clients.read']),
  guarded('POST', '/clients', 'admin-clients.create', ACTION['clients.create']),
  guarded('PUT', '/clients/:documentId', 'admin-clients.update', ACTION['clients.update']),
  guarded('DELETE', '/clients/:documentId', 'admin-clients.delete', ACTION['clients.delete']),
];
