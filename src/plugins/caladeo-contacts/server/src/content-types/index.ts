import { assemble } from '../modules';

export default assemble('contentTypes');
