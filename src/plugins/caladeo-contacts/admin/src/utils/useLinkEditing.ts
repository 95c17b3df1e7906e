import { isFetchError, useFetchClient, useNotification } from '@strapi/strapi/admin';
import { API, refusalOf } from './api';
import type { LinkEnds, LinkRow } from './links';
import { useT } from './translate';

const primaryTaken = (error: unknown) =>
  isFetchError(error) &&
  Boolean(
    (error.response?.data?.error?.details as { errors?: Array<{ code?: string }> } | undefined)?.errors?.some(
      (entry) => entry.code === 'link.primaryTaken'
    )
  );

/**
 * The handlers of a links table, through the contact's link routes (they need contacts.update):
 * change a role, make it primary, remove it and give it back, add another role on the same target.
 * `applied` receives each answer (the contact as it now is) so that the page shows it.
 */
export const useLinkEditing = <Answer>(
  kind: 'client' | 'offer',
  endsOf: (row: LinkRow) => LinkEnds | undefined,
  applied: (answer: Answer) => void
) => {
  const { t, intl } = useT();
  const { post, put, del } = useFetchClient();
  const { toggleNotification } = useNotification();
  const linkPath = (row: LinkRow) => `${API}/${kind}-links/${row.documentId}`;
  const attachPath = (ends: LinkEnds) => `${API}/contacts/${ends.contact}/${kind}-links`;

  /** `saved` is the success notice; null when the table says it itself (a removed role's banner). */
  const run = async (request: () => Promise<{ data: Answer }>, saved: string | null = t('form.saved')) => {
    try {
      const { data } = await request();
      applied(data);
      if (saved) toggleNotification({ type: 'success', message: saved });
      return true;
    } catch (error) {
      toggleNotification({ type: 'danger', message: refusalOf(error, intl, ['role', 'isPrimary', kind]) });
      return false;
    }
  };

  /**
   * Gives a removed role back with its primary flag; the server refuses the primary when another
   * contact took it meanwhile, and the role then comes back without it.
   */
  const restore = async (row: LinkRow) => {
    const ends = endsOf(row);
    if (!ends) return false;
    const body = { [kind]: ends.target, role: row.role };
    try {
      const { data } = await post<Answer>(attachPath(ends), {
        ...body,
        isPrimary: row.isPrimary,
        primaryIfFree: true,
      });
      applied(data);
      toggleNotification({ type: 'success', message: t('links.restored') });
      return true;
    } catch (error) {
      if (!row.isPrimary || !primaryTaken(error)) {
        toggleNotification({
          type: 'danger',
          message: t('links.restoreFailed', { reason: refusalOf(error, intl, ['role', kind]) }),
        });
        return false;
      }
      return run(
        () => post<Answer>(attachPath(ends), { ...body, isPrimary: false }),
        t('links.restoredNotPrimary')
      );
    }
  };

  return {
    onRole: (row: LinkRow, role: string) => run(() => put<Answer>(linkPath(row), { role })),
    onPrimary: (row: LinkRow) => run(() => put<Answer>(linkPath(row), { isPrimary: true })),
    onDetach: (row: LinkRow) => run(() => del<Answer>(linkPath(row)), null),
    onUndoDetach: restore,
    onAddRole: (row: LinkRow, role: string) => {
      const ends = endsOf(row);
      return ends ? run(() => post<Answer>(attachPath(ends), { [kind]: ends.target, role })) : undefined;
    },
  };
};
