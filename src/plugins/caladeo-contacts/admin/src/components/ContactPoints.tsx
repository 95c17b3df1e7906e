import { Link, Typography } from '@strapi/design-system';
import { useAgencyCountry } from '../utils/agency-country';
import { displayEmail, displayPhone } from '../utils/contact-points';

/** A link that does not also open the table row it sits in. */
const PointLink = ({ text, href }: { text: string; href: string }) => (
  <Link href={href} onClick={(event: React.MouseEvent) => event.stopPropagation()}>
    {text}
  </Link>
);

/** A phone as a person dials it (national format at home, international abroad), as a `tel:` link. */
export const PhoneLink = ({ phone }: { phone: string | null | undefined }) => {
  const shown = displayPhone(phone, useAgencyCountry());
  if (!shown) return null;
  return shown.href ? (
    <PointLink text={shown.text} href={shown.href} />
  ) : (
    <Typography>{shown.text}</Typography>
  );
};

/** An e-mail address as a `mailto:` link. */
export const EmailLink = ({ email }: { email: string | null | undefined }) => {
  const shown = displayEmail(email);
  return shown ? <PointLink {...shown} /> : null;
};
