import { Link } from '@strapi/design-system';
import { ArrowLeft } from '@strapi/icons';
import { NavLink } from 'react-router-dom';

/** The header's way back to a list, drawn as Strapi's own pages draw theirs: an arrow and a link. */
export const BackLink = ({ to, children }: { to: string; children: React.ReactNode }) => (
  <Link tag={NavLink} to={to} startIcon={<ArrowLeft />}>
    {children}
  </Link>
);
