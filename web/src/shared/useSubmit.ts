import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from './api';

/**
 * A form's submit inside a modal: a busy flag, and a refusal kept as the server's message to
 * show in the modal itself (its requests are sent `silent`, so the API wrapper stays quiet).
 */
export function useSubmit() {
  const { t } = useTranslation();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = useCallback(
    async (action: () => Promise<void>) => {
      setSaving(true);
      setError(null);
      try {
        await action();
      } catch (e) {
        setError(isApiError(e) ? e.message : t('errors.generic'));
      } finally {
        setSaving(false);
      }
    },
    [t],
  );
  return { saving, error, setError, submit };
}
