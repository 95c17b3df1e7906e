/**
 * A plausible value for each name a message template uses, for the tests that render every code
 * (shared/error-messages as the admin and the server render them); a new name must be added here.
 */
export const SAMPLE_MESSAGE_VALUES: Record<string, string | number | string[]> = {
  max: 100,
  min: 1,
  allowed: 'fr, en',
  country: 'BE',
  postalCode: '01200',
  departements: ['Ain', 'Haute-Savoie'],
  startDate: '2026-05-01',
  target: 'offer',
  state: 'completed',
  row: 2,
  count: 2,
  given: 3,
  status: 'completed',
  documentId: 'k3v9x2m1q8w7e5r4t6y0u2i1',
  survivor: 'Élodie Perrin (elodie.perrin@exemple.fr)',
  field: 'lastName',
  first: 'name',
};
