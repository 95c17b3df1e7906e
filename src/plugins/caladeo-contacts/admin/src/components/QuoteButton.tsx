import { Button } from '@strapi/design-system';
import { FilePdf } from '@strapi/icons';
import type { useQuoteDownload } from '../utils/useQuoteDownload';
import { useT } from '../utils/translate';

/** "Générer le devis" on an offer's row; the page holds one `useQuoteDownload` for all its rows. */
export const QuoteButton = ({
  offer,
  quotes,
}: {
  offer: { documentId: string; reference?: string | null };
  quotes: ReturnType<typeof useQuoteDownload>;
}) => {
  const { t } = useT();
  return (
    <Button
      size="S"
      variant="tertiary"
      startIcon={<FilePdf />}
      loading={quotes.pending === offer.documentId}
      onClick={() => quotes.download(offer)}
    >
      {t('quote.generate')}
    </Button>
  );
};
