import derivedContactFields from './derived-contact-fields';

export default {
  'derived-contact-fields': derivedContactFields,
};
