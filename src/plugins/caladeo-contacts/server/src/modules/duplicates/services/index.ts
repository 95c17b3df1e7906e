import duplicates from './duplicates';

export default { duplicates };
