import { useState } from 'react';
import { useFetchClient, useNotification, useRBAC } from '@strapi/strapi/admin';
import { PERMISSIONS } from '../permissions';
import { API } from './api';
import { fileNameOf, saveFile } from './download';
import { useT } from './translate';

export type PersonExportKind = 'json' | 'html';

/**
 * "Exporter ses données": everything held about a contact, as the JSON file of a portability
 * request or as the readable summary of an access request (in the admin's language), saved under
 * the name the server gives it. Only roles holding "Export a person's data" get the action; the
 * route refuses the others anyway.
 */
export const usePersonExport = () => {
  const { t, locale } = useT();
  const { get } = useFetchClient();
  const { toggleNotification } = useNotification();
  const { allowedActions } = useRBAC(PERMISSIONS.privacy.export);
  const [pending, setPending] = useState<string | null>(null);

  const download = async (documentId: string, kind: PersonExportKind) => {
    setPending(documentId);
    try {
      const { data, headers } = await get(`${API}/contacts/${documentId}/export`, {
        params: { format: kind, locale: locale.startsWith('fr') ? 'fr' : 'en' },
        responseType: 'blob',
      });
      saveFile(data, fileNameOf(headers) ?? `donnees-${documentId}.${kind}`);
    } catch {
      // a blob answer carries no readable error body: say what failed, not why
      toggleNotification({ type: 'danger', message: t('privacy.exportFailed') });
    } finally {
      setPending(null);
    }
  };

  return { canExport: allowedActions.canExport === true, download, pending };
};
