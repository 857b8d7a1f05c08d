'use client';

import type { Clinic } from '@healthcare/core/clinics/clinic-schemas';
import type { User } from '@healthcare/core/users/user-schemas';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { callApi } from '../api/call-api';

export interface CurrentSession {
  user: User;
  clinic: Clinic;
}

const SessionContext = createContext<CurrentSession | undefined>(undefined);

/** Loads who is signed in once per visit; until it arrives, consumers get `undefined`. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<CurrentSession>();

  useEffect(() => {
    const controller = new AbortController();
    callApi<CurrentSession>('GET', '/me', { signal: controller.signal }).then(setSession, () => {
      // A dead session already redirected to the login page; the header simply stays without names.
    });
    return () => controller.abort();
  }, []);

  return <SessionContext value={session}>{children}</SessionContext>;
}

export function useSession(): CurrentSession | undefined {
  return useContext(SessionContext);
}
