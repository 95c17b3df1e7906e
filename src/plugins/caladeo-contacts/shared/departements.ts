/**
 * The département a French postal code's prefix designates: its first two digits, three overseas
 * (971 Guadeloupe … 988 Nouvelle-Calédonie), 2A or 2B in Corsica, whose one postal prefix the third
 * digit splits. The server uses it for codes its communes data lacks (mostly CEDEX codes given to
 * large organisations: '33913' is in Gironde); the admin's contact form to fill the département as
 * the code is typed. Null for what is not five digits (spaces aside).
 */
export const departementCodeFromPrefix = (postalCode: string): string | null => {
  const code = postalCode.replace(/\s/g, '');
  if (!/^\d{5}$/.test(code)) return null;
  if (code.startsWith('97') || code.startsWith('98')) return code.slice(0, 3);
  if (code.startsWith('20')) {
    const third = code.charAt(2);
    if (third === '0' || third === '1') return '2A';
    return third >= '2' && third <= '6' ? '2B' : null;
  }
  return code.slice(0, 2);
};
