import { assemble } from '../modules';

export default assemble('services');
