import { assemble } from '../modules';

export default assemble('middlewares');
