import { assemble } from '../modules';

export default assemble('controllers');
