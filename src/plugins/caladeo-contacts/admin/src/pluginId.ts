export const PLUGIN_ID = 'caladeo-contacts';
