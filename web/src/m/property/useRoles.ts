import { useCallback, useEffect, useState } from 'react';
import type { MyPropertyRolesDto } from '@xj/contracts';
import { propertyApi } from './propertyApi';

/** The verified resident's steward / committee roles; `error` carries the server's message (e.g. RESIDENT_NOT_LINKED). */
export function useRoles(enabled: boolean) {
  const [roles, setRoles] = useState<MyPropertyRolesDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(async () => {
    setError(null);
    try {
      setRoles(await propertyApi.me());
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);
  useEffect(() => {
    if (enabled) void load();
  }, [enabled, load]);
  return { roles, error, reload: load };
}
