import { lazy, Suspense } from 'react';
import { Page } from '@strapi/strapi/admin';
import { Route, Routes } from 'react-router-dom';
import { PageHeadingFocus } from '../components/PageHeadingFocus';
import { PERMISSIONS } from '../permissions';
import { AgencyCountryProvider } from '../utils/agency-country';

const ContactsListPage = lazy(() => import('./ContactsListPage'));
const ContactFormPage = lazy(() => import('./ContactFormPage'));
const ContactDetailPage = lazy(() => import('./ContactDetailPage'));
const ClientsListPage = lazy(() => import('./ClientsListPage'));
const ClientFormPage = lazy(() => import('./ClientFormPage'));
const ClientDetailPage = lazy(() => import('./ClientDetailPage'));
const OffersListPage = lazy(() => import('./OffersListPage'));
const OfferDetailPage = lazy(() => import('./OfferDetailPage'));
const JobsPage = lazy(() => import('./JobsPage'));
const ImportsPage = lazy(() => import('./ImportsPage'));
const DuplicatesPage = lazy(() => import('./DuplicatesPage'));
const MergePage = lazy(() => import('./MergePage'));
const ClientMergePage = lazy(() => import('./ClientMergePage'));
const RetentionPage = lazy(() => import('./RetentionPage'));
const PrivacyPage = lazy(() => import('./PrivacyPage'));

const protect = (permissions: Array<{ action: string; subject: null }>, page: React.ReactNode) => (
  <Page.Protect permissions={permissions}>{page}</Page.Protect>
);

/**
 * The Contacts tab: each page is refused, with Strapi's forbidden page, to a role without its action.
 * Each page, once opened, has the focus on its heading; phones follow the agency's country.
 */
const App = () => (
  <AgencyCountryProvider>
    <Suspense fallback={<Page.Loading />}>
      <PageHeadingFocus />
      <Routes>
        <Route index element={protect(PERMISSIONS.contacts.read, <ContactsListPage />)} />
        <Route path="contacts/new" element={protect(PERMISSIONS.contacts.create, <ContactFormPage />)} />
        <Route
          path="contacts/:documentId"
          element={protect(PERMISSIONS.contacts.read, <ContactDetailPage />)}
        />
        <Route
          path="contacts/:documentId/edit"
          element={protect(PERMISSIONS.contacts.update, <ContactFormPage />)}
        />
        <Route path="clients" element={protect(PERMISSIONS.clients.read, <ClientsListPage />)} />
        <Route path="clients/new" element={protect(PERMISSIONS.clients.create, <ClientFormPage />)} />
        <Route path="clients/merge" element={protect(PERMISSIONS.clients.merge, <ClientMergePage />)} />
        <Route path="clients/:documentId" element={protect(PERMISSIONS.clients.read, <ClientDetailPage />)} />
        <Route
          path="clients/:documentId/edit"
          element={protect(PERMISSIONS.clients.update, <ClientFormPage />)}
        />
        <Route path="offers" element={protect(PERMISSIONS.offers.read, <OffersListPage />)} />
        <Route path="offers/:documentId" element={protect(PERMISSIONS.offers.read, <OfferDetailPage />)} />
        <Route path="jobs" element={protect(PERMISSIONS.jobs.read, <JobsPage />)} />
        <Route path="imports" element={protect(PERMISSIONS.imports.read, <ImportsPage />)} />
        <Route path="duplicates" element={protect(PERMISSIONS.duplicates.read, <DuplicatesPage />)} />
        <Route path="merge" element={protect(PERMISSIONS.contacts.merge, <MergePage />)} />
        <Route path="privacy/retention" element={protect(PERMISSIONS.privacy.settings, <RetentionPage />)} />
        <Route path="privacy" element={protect(PERMISSIONS.privacy.export, <PrivacyPage />)} />
        <Route path="*" element={<Page.Error />} />
      </Routes>
    </Suspense>
  </AgencyCountryProvider>
);

export default App;
