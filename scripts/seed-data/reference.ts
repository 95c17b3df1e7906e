/**
 * Hand-picked reference data for the demo seed. Faker's French locale has no postal codes that
 * agree with its cities, its first names are often centuries old and its last names carry no
 * accents, so the parts the validation checks (postal code ↔ département, phone ranges) and the
 * parts users look at first (names) come from these tables.
 */
import type { ClientType, Language, LinkRole } from '../../src/plugins/caladeo-contacts/shared/constants';

/** Two-digit prefix of French landlines: 01 Île-de-France … 05 South-West; null where it differs (DROM). */
/** Reads a comma-separated list: long lists of names stay compact and easy to proofread. */
const listOf = (text: string): readonly string[] => text.split(',').map((item) => item.trim());

export type FrenchPhoneZone = 1 | 2 | 3 | 4 | 5 | null;

export type FrenchCity = { city: string; postalCode: string; phoneZone: FrenchPhoneZone };

/** Real communes with one of their postal codes, each code belonging to exactly one département. */
export const FRENCH_CITIES: readonly FrenchCity[] = [
  { city: 'Paris', postalCode: '75011', phoneZone: 1 },
  { city: 'Paris', postalCode: '75015', phoneZone: 1 },
  { city: 'Versailles', postalCode: '78000', phoneZone: 1 },
  { city: 'Nanterre', postalCode: '92000', phoneZone: 1 },
  { city: 'Montreuil', postalCode: '93100', phoneZone: 1 },
  { city: 'Créteil', postalCode: '94000', phoneZone: 1 },
  { city: 'Argenteuil', postalCode: '95100', phoneZone: 1 },
  { city: 'Évry-Courcouronnes', postalCode: '91000', phoneZone: 1 },
  { city: 'Melun', postalCode: '77000', phoneZone: 1 },
  { city: 'Rouen', postalCode: '76000', phoneZone: 2 },
  { city: 'Le Havre', postalCode: '76600', phoneZone: 2 },
  { city: 'Caen', postalCode: '14000', phoneZone: 2 },
  { city: 'Évreux', postalCode: '27000', phoneZone: 2 },
  { city: 'Alençon', postalCode: '61000', phoneZone: 2 },
  { city: 'Saint-Lô', postalCode: '50000', phoneZone: 2 },
  { city: 'Rennes', postalCode: '35000', phoneZone: 2 },
  { city: 'Saint-Malo', postalCode: '35400', phoneZone: 2 },
  { city: 'Brest', postalCode: '29200', phoneZone: 2 },
  { city: 'Quimper', postalCode: '29000', phoneZone: 2 },
  { city: 'Vannes', postalCode: '56000', phoneZone: 2 },
  { city: 'Saint-Brieuc', postalCode: '22000', phoneZone: 2 },
  { city: 'Nantes', postalCode: '44000', phoneZone: 2 },
  { city: 'Angers', postalCode: '49000', phoneZone: 2 },
  { city: 'Le Mans', postalCode: '72000', phoneZone: 2 },
  { city: 'Laval', postalCode: '53000', phoneZone: 2 },
  { city: 'Tours', postalCode: '37000', phoneZone: 2 },
  { city: 'Orléans', postalCode: '45000', phoneZone: 2 },
  { city: 'Blois', postalCode: '41000', phoneZone: 2 },
  { city: 'Chartres', postalCode: '28000', phoneZone: 2 },
  { city: 'Bourges', postalCode: '18000', phoneZone: 2 },
  { city: 'Châteauroux', postalCode: '36000', phoneZone: 2 },
  { city: 'Lille', postalCode: '59000', phoneZone: 3 },
  { city: 'Roubaix', postalCode: '59100', phoneZone: 3 },
  { city: 'Arras', postalCode: '62000', phoneZone: 3 },
  { city: 'Calais', postalCode: '62100', phoneZone: 3 },
  { city: 'Amiens', postalCode: '80000', phoneZone: 3 },
  { city: 'Beauvais', postalCode: '60000', phoneZone: 3 },
  { city: 'Laon', postalCode: '02000', phoneZone: 3 },
  { city: 'Reims', postalCode: '51100', phoneZone: 3 },
  { city: 'Troyes', postalCode: '10000', phoneZone: 3 },
  { city: 'Charleville-Mézières', postalCode: '08000', phoneZone: 3 },
  { city: 'Metz', postalCode: '57000', phoneZone: 3 },
  { city: 'Nancy', postalCode: '54000', phoneZone: 3 },
  { city: 'Épinal', postalCode: '88000', phoneZone: 3 },
  { city: 'Strasbourg', postalCode: '67000', phoneZone: 3 },
  { city: 'Colmar', postalCode: '68000', phoneZone: 3 },
  { city: 'Mulhouse', postalCode: '68100', phoneZone: 3 },
  { city: 'Dijon', postalCode: '21000', phoneZone: 3 },
  { city: 'Besançon', postalCode: '25000', phoneZone: 3 },
  { city: 'Belfort', postalCode: '90000', phoneZone: 3 },
  { city: 'Auxerre', postalCode: '89000', phoneZone: 3 },
  { city: 'Mâcon', postalCode: '71000', phoneZone: 3 },
  { city: 'Lons-le-Saunier', postalCode: '39000', phoneZone: 3 },
  { city: 'Lyon', postalCode: '69003', phoneZone: 4 },
  { city: 'Villeurbanne', postalCode: '69100', phoneZone: 4 },
  { city: 'Saint-Étienne', postalCode: '42000', phoneZone: 4 },
  { city: 'Grenoble', postalCode: '38000', phoneZone: 4 },
  { city: 'Annecy', postalCode: '74000', phoneZone: 4 },
  { city: 'Chambéry', postalCode: '73000', phoneZone: 4 },
  { city: 'Valence', postalCode: '26000', phoneZone: 4 },
  { city: 'Bourg-en-Bresse', postalCode: '01000', phoneZone: 4 },
  { city: 'Clermont-Ferrand', postalCode: '63000', phoneZone: 4 },
  { city: 'Le Puy-en-Velay', postalCode: '43000', phoneZone: 4 },
  { city: 'Aurillac', postalCode: '15000', phoneZone: 4 },
  { city: 'Marseille', postalCode: '13001', phoneZone: 4 },
  { city: 'Aix-en-Provence', postalCode: '13100', phoneZone: 4 },
  { city: 'Toulon', postalCode: '83000', phoneZone: 4 },
  { city: 'Nice', postalCode: '06000', phoneZone: 4 },
  { city: 'Avignon', postalCode: '84000', phoneZone: 4 },
  { city: 'Gap', postalCode: '05000', phoneZone: 4 },
  { city: 'Digne-les-Bains', postalCode: '04000', phoneZone: 4 },
  { city: 'Montpellier', postalCode: '34000', phoneZone: 4 },
  { city: 'Nîmes', postalCode: '30000', phoneZone: 4 },
  { city: 'Perpignan', postalCode: '66000', phoneZone: 4 },
  { city: 'Carcassonne', postalCode: '11000', phoneZone: 4 },
  { city: 'Mende', postalCode: '48000', phoneZone: 4 },
  { city: 'Ajaccio', postalCode: '20000', phoneZone: 4 },
  { city: 'Bastia', postalCode: '20200', phoneZone: 4 },
  { city: 'Toulouse', postalCode: '31000', phoneZone: 5 },
  { city: 'Montauban', postalCode: '82000', phoneZone: 5 },
  { city: 'Albi', postalCode: '81000', phoneZone: 5 },
  { city: 'Rodez', postalCode: '12000', phoneZone: 5 },
  { city: 'Cahors', postalCode: '46000', phoneZone: 5 },
  { city: 'Auch', postalCode: '32000', phoneZone: 5 },
  { city: 'Tarbes', postalCode: '65000', phoneZone: 5 },
  { city: 'Foix', postalCode: '09000', phoneZone: 5 },
  { city: 'Bordeaux', postalCode: '33000', phoneZone: 5 },
  { city: 'Pau', postalCode: '64000', phoneZone: 5 },
  { city: 'Bayonne', postalCode: '64100', phoneZone: 5 },
  { city: 'Mont-de-Marsan', postalCode: '40000', phoneZone: 5 },
  { city: 'Agen', postalCode: '47000', phoneZone: 5 },
  { city: 'Périgueux', postalCode: '24000', phoneZone: 5 },
  { city: 'Angoulême', postalCode: '16000', phoneZone: 5 },
  { city: 'La Rochelle', postalCode: '17000', phoneZone: 5 },
  { city: 'Niort', postalCode: '79000', phoneZone: 5 },
  { city: 'Poitiers', postalCode: '86000', phoneZone: 5 },
  { city: 'Limoges', postalCode: '87000', phoneZone: 5 },
  { city: 'Guéret', postalCode: '23000', phoneZone: 5 },
  { city: 'Tulle', postalCode: '19000', phoneZone: 5 },
  { city: 'Pointe-à-Pitre', postalCode: '97110', phoneZone: null },
  { city: 'Fort-de-France', postalCode: '97200', phoneZone: null },
  { city: 'Saint-Denis', postalCode: '97400', phoneZone: null },
];

/** Faker locales used for the names and streets of foreign contacts. */
export type ForeignLocale = 'fr_BE' | 'nl_BE' | 'fr_CH' | 'de_CH' | 'de' | 'en_GB' | 'es' | 'it';

export type ForeignPlace = {
  /** ISO 3166-1 alpha-2, as the validation stores it. */
  country: string;
  city: string;
  postalCode: string;
  language: Language;
  locale: ForeignLocale;
};

/** Places of the foreign contacts (mostly neighbours of France) with real postal codes. */
export const FOREIGN_PLACES: readonly ForeignPlace[] = [
  { country: 'BE', city: 'Bruxelles', postalCode: '1000', language: 'fr', locale: 'fr_BE' },
  { country: 'BE', city: 'Liège', postalCode: '4000', language: 'fr', locale: 'fr_BE' },
  { country: 'BE', city: 'Namur', postalCode: '5000', language: 'fr', locale: 'fr_BE' },
  { country: 'BE', city: 'Gent', postalCode: '9000', language: 'nl', locale: 'nl_BE' },
  { country: 'BE', city: 'Antwerpen', postalCode: '2000', language: 'nl', locale: 'nl_BE' },
  { country: 'CH', city: 'Genève', postalCode: '1204', language: 'fr', locale: 'fr_CH' },
  { country: 'CH', city: 'Lausanne', postalCode: '1003', language: 'fr', locale: 'fr_CH' },
  { country: 'CH', city: 'Zürich', postalCode: '8001', language: 'de', locale: 'de_CH' },
  { country: 'CH', city: 'Basel', postalCode: '4051', language: 'de', locale: 'de_CH' },
  { country: 'DE', city: 'Berlin', postalCode: '10115', language: 'de', locale: 'de' },
  { country: 'DE', city: 'München', postalCode: '80331', language: 'de', locale: 'de' },
  { country: 'DE', city: 'Köln', postalCode: '50667', language: 'de', locale: 'de' },
  { country: 'DE', city: 'Freiburg im Breisgau', postalCode: '79098', language: 'de', locale: 'de' },
  { country: 'GB', city: 'London', postalCode: 'SW1A 1AA', language: 'en', locale: 'en_GB' },
  { country: 'GB', city: 'Manchester', postalCode: 'M1 1AE', language: 'en', locale: 'en_GB' },
  { country: 'GB', city: 'Edinburgh', postalCode: 'EH1 1YZ', language: 'en', locale: 'en_GB' },
  { country: 'GB', city: 'Bristol', postalCode: 'BS1 4DJ', language: 'en', locale: 'en_GB' },
  { country: 'ES', city: 'Madrid', postalCode: '28013', language: 'es', locale: 'es' },
  { country: 'ES', city: 'Barcelona', postalCode: '08002', language: 'es', locale: 'es' },
  { country: 'ES', city: 'Sevilla', postalCode: '41004', language: 'es', locale: 'es' },
  { country: 'ES', city: 'San Sebastián', postalCode: '20003', language: 'es', locale: 'es' },
  { country: 'IT', city: 'Roma', postalCode: '00184', language: 'it', locale: 'it' },
  { country: 'IT', city: 'Milano', postalCode: '20121', language: 'it', locale: 'it' },
  { country: 'IT', city: 'Firenze', postalCode: '50122', language: 'it', locale: 'it' },
  { country: 'IT', city: 'Torino', postalCode: '10121', language: 'it', locale: 'it' },
];

/**
 * Mobile number shapes per country, written as people type them ('#' is a random digit). Only
 * ranges that are really allocated pass the validation, so a drawn number is checked and redrawn.
 */
export const MOBILE_PATTERNS: Readonly<Record<string, readonly string[]>> = {
  FR: ['06 ## ## ## ##', '07 5# ## ## ##', '07 6# ## ## ##', '07 8# ## ## ##'],
  BE: ['047# ## ## ##', '048# ## ## ##', '049# ## ## ##'],
  CH: ['076 ### ## ##', '078 ### ## ##', '079 ### ## ##'],
  DE: ['0151 ########', '0160 #######', '0171 #######', '0176 ########'],
  GB: ['074## ######', '075## ######', '077## ######', '078## ######', '079## ######'],
  ES: ['6## ### ###'],
  IT: ['32# ### ####', '33# ### ####', '34# ### ####', '38# ### ####'],
};

/** Common first names of French adults today, with their accents. */
export const FEMALE_FIRST_NAMES: readonly string[] = listOf(
  'Hélène, Léa, Chloé, Zoé, Inès, Maëlys, Noémie, Mélanie, Céline, Amélie, Élodie, Gaëlle, ' +
    'Françoise, Thérèse, Geneviève, Agnès, Anaïs, Clémence, Cécile, Béatrice, Danièle, Irène, ' +
    'Joséphine, Léonie, Solène, Valérie, Nathalie, Sophie, Camille, Julie, Marie, Claire, Isabelle, ' +
    'Sandrine, Catherine, Christine, Monique, Sylvie, Martine, Emma, Manon, Sarah, Louise, Alice, ' +
    'Juliette, Margaux, Pauline, Laure, Anne, Aurélie, Stéphanie, Émilie, Virginie, Laëtitia, ' +
    'Mathilde, Lucie, Océane, Jeanne, Brigitte, Josiane, Marie-Hélène, Anne-Sophie'
);

export const MALE_FIRST_NAMES: readonly string[] = listOf(
  'Jérôme, Frédéric, Sébastien, Stéphane, Hervé, Rémi, Benoît, Grégoire, Cédric, Clément, Théo, ' +
    'Raphaël, Noël, Gaël, Loïc, Joël, Mathéo, Timothée, André, René, Gérard, Jean-François, ' +
    'François, Jean-Pierre, Lucas, Hugo, Louis, Nicolas, Thomas, Julien, Pierre, Philippe, Michel, ' +
    'Alain, Patrick, Christophe, Laurent, Olivier, Vincent, David, Antoine, Maxime, Romain, ' +
    'Guillaume, Alexandre, Arnaud, Bruno, Yves, Éric, Édouard, Émile, Étienne, Jérémy, Valentin, ' +
    'Gabriel, Léo, Nathan, Bernard, Daniel, Marc-Antoine, Jean-Luc'
);

/** Real French family names with accents, which faker's French list lacks. */
export const ACCENTED_LAST_NAMES: readonly string[] = listOf(
  'Lefèvre, Ménard, Hébert, Bérard, Gérard, Lemaître, Guérin, Rivière, Léger, Lévêque, Dupré, ' +
    'Pélissier, Sénéchal, Béguin, Frémont, Després, Mégret, Pépin, Chrétien, Thénard, Bénézet, ' +
    "Gaudré, Fréchet, Cléret, Hélary, Lecœur, Sévérac, Méhu, Rémond, Bréal, N'Diaye, Le Bihan, " +
    'Le Goff'
);

/** Lines people add below the street when a building has several entrances or flats. */
export const ADDRESS_COMPLEMENTS: readonly string[] = [
  'Bâtiment B',
  'Résidence Les Tilleuls',
  'Appartement 12',
  '3e étage',
  'Escalier A',
  'Lieu-dit Les Granges',
  'Boîte postale 42',
];

/** Domains reserved for examples (RFC 2606): demo data must never mail a real person. */
export const CONTACT_EMAIL_DOMAINS: readonly string[] = ['example.com', 'example.org', 'example.net'];
export const CLIENT_EMAIL_TLD = 'example';

/** Part of company names: "Transports Lefèvre", "Cabinet Dupré". */
export const COMPANY_TRADES: readonly string[] = [
  'Transports',
  'Boulangerie',
  'Cabinet',
  'Laboratoires',
  'Imprimerie',
  'Menuiserie',
  'Garage',
  'Pharmacie',
  'Établissements',
  'Groupe',
];

/** People French schools are named after (hyphenated, as in "Lycée Victor-Hugo"). */
export const SCHOOL_PATRONS: readonly string[] = listOf(
  'Victor-Hugo, Jean-Moulin, Jules-Ferry, Marie-Curie, Louis-Pasteur, Jean-Jaurès, Simone-Veil, ' +
    'Albert-Camus, Condorcet, Montaigne, Voltaire, Camille-Claudel, George-Sand, Jacques-Prévert, ' +
    'Paul-Éluard, Émile-Zola, Louise-Michel, Antoine-de-Saint-Exupéry, Gustave-Eiffel, ' +
    'Joséphine-Baker'
);

export const SCHOOL_KINDS: readonly string[] = [
  'Lycée',
  'Collège',
  'École élémentaire',
  'Lycée professionnel',
];

export const SAINTS: readonly string[] = [
  'Pierre',
  'Joseph',
  'Martin',
  'Jacques',
  'Michel',
  'Vincent',
  'Louis',
];

/**
 * The role that makes a contact the natural primary contact of a client of each type: the
 * president speaks for an association, elsewhere whoever organises the trip.
 */
export const PRIMARY_ROLE_BY_CLIENT_TYPE: Readonly<Record<ClientType, LinkRole>> = {
  company: 'responsable_voyage',
  association: 'president',
  friends_group: 'responsable_voyage',
  works_council: 'president',
  school: 'responsable_voyage',
  public_body: 'responsable_voyage',
  other: 'president',
};

/** Roles the other contacts of a client hold (a school's teachers accompany, etc.). */
export const SECONDARY_ROLES_BY_CLIENT_TYPE: Readonly<Record<ClientType, readonly LinkRole[]>> = {
  company: ['contact_facturation', 'payeur', 'accompagnateur', 'autre'],
  association: ['responsable_voyage', 'payeur', 'accompagnateur', 'contact_facturation'],
  friends_group: ['payeur', 'accompagnateur', 'autre'],
  works_council: ['responsable_voyage', 'contact_facturation', 'payeur', 'autre'],
  school: ['accompagnateur', 'contact_facturation', 'payeur'],
  public_body: ['contact_facturation', 'accompagnateur', 'autre'],
  other: ['responsable_voyage', 'payeur', 'accompagnateur', 'autre'],
};

export const CLIENT_NOTES: readonly string[] = [
  'Voyage annuel au printemps, budget voté en janvier.',
  'Préfère être contacté par e-mail.',
  'Demande toujours une assurance annulation.',
  'Groupe avec plusieurs personnes à mobilité réduite.',
  'Facturation en deux acomptes.',
  'Client depuis 2019, très fidèle.',
];

export type TripKind = 'Séjour' | 'Circuit' | 'Week-end' | 'Escapade' | 'Croisière' | 'Classe de neige';

export type Destination = {
  /** How the title names the place, with its preposition: "à Lisbonne", "en Andalousie". */
  phrase: string;
  /** What the offer's destination field says. */
  destination: string;
  kinds: readonly TripKind[];
};

export const DESTINATIONS: readonly Destination[] = [
  { phrase: 'à Lisbonne', destination: 'Lisbonne, Portugal', kinds: ['Séjour', 'Week-end', 'Escapade'] },
  { phrase: 'à Porto', destination: 'Porto, Portugal', kinds: ['Week-end', 'Escapade'] },
  { phrase: 'en Andalousie', destination: 'Séville, Grenade et Cordoue, Espagne', kinds: ['Circuit'] },
  { phrase: 'à Barcelone', destination: 'Barcelone, Espagne', kinds: ['Séjour', 'Week-end'] },
  { phrase: 'aux Baléares', destination: 'Majorque, Espagne', kinds: ['Séjour'] },
  { phrase: 'à Rome', destination: 'Rome, Italie', kinds: ['Séjour', 'Week-end'] },
  { phrase: 'en Toscane', destination: 'Florence et Sienne, Italie', kinds: ['Circuit', 'Séjour'] },
  { phrase: 'en Sicile', destination: 'Palerme et Catane, Italie', kinds: ['Circuit'] },
  { phrase: 'dans les Pouilles', destination: 'Bari et Lecce, Italie', kinds: ['Circuit'] },
  { phrase: 'en Crète', destination: 'Héraklion, Grèce', kinds: ['Séjour', 'Circuit'] },
  { phrase: 'à Prague', destination: 'Prague, Tchéquie', kinds: ['Week-end', 'Séjour'] },
  { phrase: 'à Vienne', destination: 'Vienne, Autriche', kinds: ['Week-end', 'Séjour'] },
  { phrase: 'à Budapest', destination: 'Budapest, Hongrie', kinds: ['Week-end', 'Escapade'] },
  { phrase: 'à Berlin', destination: 'Berlin, Allemagne', kinds: ['Séjour', 'Week-end'] },
  { phrase: 'à Amsterdam', destination: 'Amsterdam, Pays-Bas', kinds: ['Week-end', 'Escapade'] },
  { phrase: 'à Londres', destination: 'Londres, Royaume-Uni', kinds: ['Séjour', 'Week-end'] },
  { phrase: 'en Écosse', destination: 'Édimbourg et les Highlands, Royaume-Uni', kinds: ['Circuit'] },
  { phrase: 'en Irlande', destination: 'Dublin et le Connemara, Irlande', kinds: ['Circuit'] },
  { phrase: 'en Islande', destination: 'Reykjavik, Islande', kinds: ['Circuit'] },
  { phrase: 'au Maroc', destination: 'Marrakech, Maroc', kinds: ['Circuit', 'Séjour'] },
  { phrase: 'à Madère', destination: 'Funchal, Portugal', kinds: ['Séjour'] },
  { phrase: 'sur le Danube', destination: 'De Passau à Budapest', kinds: ['Croisière'] },
  { phrase: 'dans les fjords de Norvège', destination: 'Bergen, Norvège', kinds: ['Croisière'] },
  { phrase: 'en Alsace', destination: 'Colmar, France', kinds: ['Séjour', 'Week-end'] },
  { phrase: 'au Pays basque', destination: 'Biarritz, France', kinds: ['Séjour', 'Escapade'] },
  { phrase: 'en Bretagne', destination: 'Quimper et la presqu’île de Crozon, France', kinds: ['Circuit'] },
  { phrase: 'aux Arcs', destination: 'Les Arcs, Savoie', kinds: ['Classe de neige', 'Séjour'] },
  { phrase: 'à La Clusaz', destination: 'La Clusaz, Haute-Savoie', kinds: ['Classe de neige'] },
];

/** Trip length in days for each kind of trip. */
export const TRIP_DAYS: Readonly<Record<TripKind, { min: number; max: number }>> = {
  'Week-end': { min: 2, max: 3 },
  Escapade: { min: 3, max: 4 },
  Séjour: { min: 4, max: 8 },
  Circuit: { min: 7, max: 14 },
  Croisière: { min: 6, max: 10 },
  'Classe de neige': { min: 5, max: 7 },
};
