'use client';

import { useState } from 'react';
import { callApi } from '../api/call-api';

/** Ends the session on the server, then leaves for the login page whatever the server answered. */
export function useLogOut(): { loggingOut: boolean; logOut: () => Promise<void> } {
  const [loggingOut, setLoggingOut] = useState(false);
  const logOut = async () => {
    setLoggingOut(true);
    try {
      await callApi('POST', '/auth/logout', { body: {} });
    } catch {
      // Even when the server could not be told, leaving is what the user asked for.
    }
    // A full page load, not a client-side navigation: it drops every patient record the
    // page still holds in memory and in the router's cache.
    window.location.assign('/login');
  };
  return { loggingOut, logOut };
}
