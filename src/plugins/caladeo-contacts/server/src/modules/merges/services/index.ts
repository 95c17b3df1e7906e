import clientMerges from './client-merges';
import emailAliases from './email-aliases';
import merges from './merges';

export default { merges, 'client-merges': clientMerges, 'email-aliases': emailAliases };
