import { useCallback, useState } from 'react';

/** Runs a save action with a busy flag; a failure has already been shown by the API wrapper. */
export function useSaving(): [boolean, (action: () => Promise<void>) => Promise<void>] {
  const [saving, setSaving] = useState(false);
  const save = useCallback(async (action: () => Promise<void>) => {
    setSaving(true);
    try {
      await action();
    } catch {
      // shown by the API wrapper
    } finally {
      setSaving(false);
    }
  }, []);
  return [saving, save];
}
