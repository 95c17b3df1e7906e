import { createContext, useContext, useEffect, useState } from 'react';
import { useFetchClient } from '@strapi/strapi/admin';
import type { CountryCode } from 'libphonenumber-js/min';
import { API } from './api';
import { AGENCY_COUNTRY, agencyCountryOf } from './contact-points';

const AgencyCountryContext = createContext<CountryCode>(AGENCY_COUNTRY);

/**
 * Reads the agency's country once for the whole tab (`GET /admin-settings`): phones of that country
 * are shown in their national format. Until it answers, and for a role it refuses, France.
 */
export const AgencyCountryProvider = ({ children }: { children: React.ReactNode }) => {
  const { get } = useFetchClient();
  const [country, setCountry] = useState<CountryCode>(AGENCY_COUNTRY);
  useEffect(() => {
    const controller = new AbortController();
    get(`${API}/admin-settings`, { signal: controller.signal })
      .then(({ data }) => setCountry(agencyCountryOf(data)))
      .catch(() => undefined);
    return () => controller.abort();
  }, [get]);
  return <AgencyCountryContext.Provider value={country}>{children}</AgencyCountryContext.Provider>;
};

export const useAgencyCountry = () => useContext(AgencyCountryContext);
