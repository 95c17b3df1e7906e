import { useState, type ChangeEvent, type FormEvent } from 'react';
import {
  Box,
  Button,
  Dialog,
  Field,
  Flex,
  IconButton,
  Popover,
  TextButton,
  TextInput,
  Typography,
} from '@strapi/design-system';
import { ArrowClockwise, Pencil, Plus, Trash } from '@strapi/icons';
import { useNotification } from '@strapi/strapi/admin';
import { MAX_LIST_VIEW_NAME, type ListViewEntry, type ListViewState } from '../../../shared/list-views';
import { fieldErrorsOf, messageOf } from '../utils/api';
import type { ListSettings } from '../utils/useListSettings';
import { useT } from '../utils/translate';
import { DialogActions } from './DetailParts';

/** The dialog that names a view: a new one, or one renamed. A refused name is said under its field. */
const NameDialog = ({
  title,
  hint,
  initial,
  onClose,
  onSave,
}: {
  title: string;
  hint?: string;
  initial: string;
  onClose: () => void;
  onSave: (name: string) => Promise<void>;
}) => {
  const { t, intl } = useT();
  const [name, setName] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      await onSave(name);
      onClose();
    } catch (refused) {
      setError(fieldErrorsOf(refused, intl).name ?? messageOf(refused));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <form onSubmit={submit}>
          <Dialog.Header>{title}</Dialog.Header>
          <Dialog.Body>
            <Box width="100%">
              <Field.Root name="name" error={error} hint={hint} required>
                <Field.Label>{t('views.name')}</Field.Label>
                <TextInput
                  value={name}
                  maxLength={MAX_LIST_VIEW_NAME}
                  autoComplete="off"
                  onChange={(event: ChangeEvent<HTMLInputElement>) => {
                    setName(event.target.value);
                    setError(undefined);
                  }}
                />
                <Field.Error />
                <Field.Hint />
              </Field.Root>
            </Box>
          </Dialog.Body>
          <Dialog.Footer>
            <Dialog.Cancel>
              <Button variant="tertiary">{t('form.cancel')}</Button>
            </Dialog.Cancel>
            <Button type="submit" loading={busy} disabled={busy || name.trim() === ''}>
              {t('form.save')}
            </Button>
          </Dialog.Footer>
        </form>
      </Dialog.Content>
    </Dialog.Root>
  );
};

/** Deleting a view asks first, naming it: the trash icons of the menu sit close together. */
const DeleteViewDialog = ({
  view,
  onClose,
  onDelete,
}: {
  view: ListViewEntry;
  onClose: () => void;
  onDelete: () => void;
}) => {
  const { t } = useT();
  return (
    <Dialog.Root open onOpenChange={(open: boolean) => !open && onClose()}>
      <Dialog.Content>
        <Dialog.Header>{t('views.deleteTitle', { name: view.name })}</Dialog.Header>
        <Dialog.Body>
          <Typography>{t('views.deleteConfirm')}</Typography>
        </Dialog.Body>
        <DialogActions>
          <Button variant="danger" startIcon={<Trash />} onClick={onDelete}>
            {t('form.delete')}
          </Button>
        </DialogActions>
      </Dialog.Content>
    </Dialog.Root>
  );
};

/** The dialog open over the menu, if any: naming a new view, renaming or deleting one. */
type Asking =
  | { kind: 'new' }
  | { kind: 'rename'; view: ListViewEntry }
  | { kind: 'delete'; view: ListViewEntry };

/**
 * The "Vues" menu of a list: the user's saved views (applying one rewrites the URL, so the result
 * stays shareable), saving the current state under a name, renaming, replacing and deleting one
 * (after a confirmation naming it).
 */
export const SavedViewsMenu = ({
  settings,
  current,
  onApply,
}: {
  settings: ListSettings;
  /** The list's state now: what a save keeps. */
  current: () => ListViewState;
  onApply: (view: ListViewEntry) => void;
}) => {
  const { t } = useT();
  const { toggleNotification } = useNotification();
  const [open, setOpen] = useState(false);
  const [asking, setAsking] = useState<Asking | null>(null);
  const notify = (key: 'views.saved' | 'views.deleted' | 'views.updated' | 'views.applied', name: string) =>
    toggleNotification({ type: 'success', message: t(key, { name }) });
  const failed = (error: unknown) => toggleNotification({ type: 'danger', message: messageOf(error) });

  return (
    <>
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger>
          <Button variant="tertiary">{t('views.menu')}</Button>
        </Popover.Trigger>
        <Popover.Content aria-label={t('views.title')}>
          <Box padding={4} minWidth="300px" maxWidth="420px">
            <Typography variant="sigma" tag="h2">
              {t('views.title')}
            </Typography>
            {settings.views.length === 0 ? (
              <Box paddingTop={3} paddingBottom={3}>
                <Typography variant="pi" textColor="neutral600">
                  {t('views.none')}
                </Typography>
              </Box>
            ) : (
              <Flex tag="ul" direction="column" alignItems="stretch" gap={1} paddingTop={3} paddingBottom={3}>
                {settings.views.map((view) => (
                  <Flex tag="li" key={view.documentId} gap={2} justifyContent="space-between">
                    <TextButton
                      aria-label={t('views.apply', { name: view.name })}
                      onClick={() => {
                        setOpen(false);
                        onApply(view);
                        notify('views.applied', view.name);
                      }}
                    >
                      {view.name}
                    </TextButton>
                    <Flex gap={1}>
                      <IconButton
                        size="S"
                        variant="ghost"
                        label={t('views.updateState', { name: view.name })}
                        onClick={() =>
                          settings
                            .changeView(view.documentId, { state: current() })
                            .then(() => notify('views.updated', view.name), failed)
                        }
                      >
                        <ArrowClockwise />
                      </IconButton>
                      <IconButton
                        size="S"
                        variant="ghost"
                        label={t('views.rename', { name: view.name })}
                        onClick={() => {
                          setOpen(false);
                          setAsking({ kind: 'rename', view });
                        }}
                      >
                        <Pencil />
                      </IconButton>
                      <IconButton
                        size="S"
                        variant="ghost"
                        label={t('views.delete', { name: view.name })}
                        onClick={() => {
                          setOpen(false);
                          setAsking({ kind: 'delete', view });
                        }}
                      >
                        <Trash />
                      </IconButton>
                    </Flex>
                  </Flex>
                ))}
              </Flex>
            )}
            <Button
              variant="secondary"
              startIcon={<Plus />}
              onClick={() => {
                setOpen(false);
                setAsking({ kind: 'new' });
              }}
            >
              {t('views.save')}
            </Button>
          </Box>
        </Popover.Content>
      </Popover.Root>
      {asking?.kind === 'new' && (
        <NameDialog
          title={t('views.saveTitle')}
          hint={t('views.saveHint')}
          initial=""
          onClose={() => setAsking(null)}
          onSave={async (name) => {
            const saved = await settings.saveView(name, current());
            notify('views.saved', saved.name);
          }}
        />
      )}
      {asking?.kind === 'rename' && (
        <NameDialog
          title={t('views.renameTitle')}
          initial={asking.view.name}
          onClose={() => setAsking(null)}
          onSave={async (name) => {
            const renamed = await settings.changeView(asking.view.documentId, { name });
            notify('views.updated', renamed.name);
          }}
        />
      )}
      {asking?.kind === 'delete' && (
        <DeleteViewDialog
          view={asking.view}
          onClose={() => setAsking(null)}
          onDelete={() => {
            const { view } = asking;
            setAsking(null);
            settings.deleteView(view.documentId).then(() => notify('views.deleted', view.name), failed);
          }}
        />
      )}
    </>
  );
};
