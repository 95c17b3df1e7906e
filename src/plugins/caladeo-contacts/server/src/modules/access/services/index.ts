import personExport from './person-export';

export default { 'person-export': personExport };
