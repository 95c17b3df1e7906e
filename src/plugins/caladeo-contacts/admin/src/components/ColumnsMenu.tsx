import { memo } from 'react';
import { Box, Button, Checkbox, Flex, IconButton, Popover, Typography } from '@strapi/design-system';
import { ArrowDown, ArrowUp } from '@strapi/icons';
import { useT } from '../utils/translate';

type ColumnOption = { key: string; label: string };

/**
 * The "Colonnes" menu of a list: show or hide each column and move the shown ones up or down. The
 * first column (the record's name) is always shown. Shown columns come first, in their order.
 * Memoised: give it stable props, and it does not render again with each search.
 */
export const ColumnsMenu = memo(function ColumnsMenu({
  options,
  shown,
  onChange,
  onReset,
}: {
  /** Every column of the list, in its default order; the first is always shown. */
  options: ColumnOption[];
  shown: string[];
  onChange: (columns: string[]) => void;
  onReset: () => void;
}) {
  const { t } = useT();
  const [always] = options;
  const labelOf = (key: string) => options.find((option) => option.key === key)?.label ?? key;
  const hidden = options.filter((option) => !shown.includes(option.key)).map((option) => option.key);
  const move = (index: number, by: -1 | 1) => {
    const next = [...shown];
    const [column] = next.splice(index, 1);
    if (column === undefined) return;
    next.splice(index + by, 0, column);
    onChange(next);
  };
  const toggle = (key: string, on: boolean) =>
    onChange(on ? [...shown, key] : shown.filter((column) => column !== key));

  return (
    <Popover.Root>
      <Popover.Trigger>
        <Button variant="tertiary">{t('columns.menu')}</Button>
      </Popover.Trigger>
      <Popover.Content aria-label={t('columns.title')}>
        <Box padding={4} minWidth="260px">
          <Typography variant="sigma" tag="h2">
            {t('columns.title')}
          </Typography>
          <Flex tag="ul" direction="column" alignItems="stretch" gap={1} paddingTop={3} paddingBottom={3}>
            {[...shown, ...hidden].map((key) => {
              const index = shown.indexOf(key);
              const isAlways = key === always?.key;
              return (
                <Flex tag="li" key={key} gap={2} justifyContent="space-between">
                  <Checkbox
                    checked={index >= 0}
                    disabled={isAlways}
                    onCheckedChange={(checked: boolean | 'indeterminate') => toggle(key, checked === true)}
                  >
                    {labelOf(key)}
                    {isAlways ? ` (${t('columns.alwaysShown')})` : ''}
                  </Checkbox>
                  {index >= 0 && (
                    <Flex gap={1}>
                      <IconButton
                        size="S"
                        variant="ghost"
                        label={t('columns.moveUp', { column: labelOf(key) })}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        <ArrowUp />
                      </IconButton>
                      <IconButton
                        size="S"
                        variant="ghost"
                        label={t('columns.moveDown', { column: labelOf(key) })}
                        disabled={index === shown.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        <ArrowDown />
                      </IconButton>
                    </Flex>
                  )}
                </Flex>
              );
            })}
          </Flex>
          <Button variant="ghost" size="S" onClick={onReset}>
            {t('columns.reset')}
          </Button>
        </Box>
      </Popover.Content>
    </Popover.Root>
  );
});
