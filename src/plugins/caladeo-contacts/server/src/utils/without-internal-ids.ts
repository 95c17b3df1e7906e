/** A record as the admin pages receive it: Strapi's internal ids, at every depth, never leave the server. */
export const withoutInternalIds = <Value>(value: Value): Value => {
  if (Array.isArray(value)) return value.map(withoutInternalIds) as Value;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([key]) => key !== 'id')
        .map(([key, inner]) => [key, withoutInternalIds(inner)])
    ) as Value;
  }
  return value;
};
