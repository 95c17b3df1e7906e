import { useState } from 'react';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { API } from './api';
import { fileNameOf, saveFile } from './download';
import { useT } from './translate';

type QuotedOffer = { documentId: string; reference?: string | null };

/**
 * "Générer le devis": the offer's PDF quote from the admin route, saved under the name the server
 * gives it (in the addressee's language). Only roles holding "Generate quotes" get the action; the
 * route refuses the others anyway.
 */
export const useQuoteDownload = () => {
  const { t } = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS.documents.generate);
  const [pending, setPending] = useState<string | null>(null);

  const download = async (offer: QuotedOffer) => {
    setPending(offer.documentId);
    try {
      const { data, headers } = await get(`${API}/documents/offers/${offer.documentId}/quote.pdf`, {
        responseType: 'blob',
      });
      saveFile(data, fileNameOf(headers) ?? `devis-${offer.reference ?? offer.documentId}.pdf`);
    } catch {
      // a blob answer carries no readable error body: say what failed, not why
      toggleNotification({ type: 'danger', message: t('quote.failed') });
    } finally {
      setPending(null);
    }
  };

  return { canGenerate: allowedActions.canGenerate === true, download, pending };
};
