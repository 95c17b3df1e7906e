import legalHolds from './legal-holds';
import retention from './retention';

export default { retention, 'legal-holds': legalHolds };
