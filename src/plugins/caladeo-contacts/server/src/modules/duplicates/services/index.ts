import clientDuplicates from './client-duplicates';
import duplicatePairs from './duplicate-pairs';
import duplicates from './duplicates';

export default { duplicates, 'duplicate-pairs': duplicatePairs, 'client-duplicates': clientDuplicates };
