import emailAliases from './email-aliases';
import merges from './merges';

export default { merges, 'email-aliases': emailAliases };
