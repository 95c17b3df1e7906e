import erasure from './erasure';
import suppressions from './suppressions';

export default { erasure, 'privacy-suppressions': suppressions };
