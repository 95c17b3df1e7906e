import type { DocumentActionComponent } from '@strapi/content-manager/strapi-admin';
import { FilePdf } from '@strapi/icons';
import { UID } from '../../../shared/constants';
import { useT } from '../utils/translate';
import { useQuoteDownload } from '../utils/useQuoteDownload';

/**
 * "Générer le devis" in the content manager's edit view of an offer (offers are edited there, not
 * in the Contacts tab). An offer not yet saved has no quote; a role without "Generate quotes" sees
 * no action. The quote is made from the saved offer, as every other way of getting it.
 */
export const QuoteDocumentAction: DocumentActionComponent = ({ model, documentId, document }) => {
  const { t } = useT();
  const quotes = useQuoteDownload();
  if (model !== UID.offer || !documentId || !quotes.canGenerate) return null;
  const reference = typeof document?.reference === 'string' ? document.reference : null;
  return {
    label: t('quote.generate'),
    icon: <FilePdf />,
    position: 'panel',
    loading: quotes.pending === documentId,
    onClick: (event) => {
      // the panel's second action is drawn as the form's submit button: downloading must not save
      event.preventDefault();
      void quotes.download({ documentId, reference });
    },
  };
};
