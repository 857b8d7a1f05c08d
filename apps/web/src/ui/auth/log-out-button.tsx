'use client';

import { useState } from 'react';
import { callApi } from '../api/call-api';
import { useI18n } from '../i18n/i18n-provider';

export function LogOutButton() {
  const { t } = useI18n();
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

  return (
    <button type="button" className="button button--quiet" onClick={logOut} disabled={loggingOut}>
      {loggingOut ? t.header.loggingOut : t.header.logOut}
    </button>
  );
}
