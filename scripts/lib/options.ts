/** An error whose message says everything: scripts/with-strapi.js prints it without a stack. */
export const usageError = (message: string) => Object.assign(new Error(message), { name: 'UsageError' });

/** The whole number an option `--name` was given, or a usage error naming its range. */
export const wholeNumberOption = (name: string, value: string | undefined, min: number, max: number) => {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw usageError(`--${name} takes a whole number from ${min} to ${max}`);
  return number;
};
