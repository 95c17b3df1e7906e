import offerDocuments from './offer-documents';

export default { 'offer-documents': offerDocuments };
