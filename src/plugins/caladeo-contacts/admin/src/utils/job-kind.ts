import { useT, type MessageKey } from './translate';

/** A job kind's name in the admin's language when the tab knows it, else as the server names it. */
export const useJobKindLabel = () => {
  const { t } = useT();
  return (kind: string) => {
    const key = `jobKind.${kind}` as MessageKey;
    const label = t(key);
    return label === key ? kind : label;
  };
};
