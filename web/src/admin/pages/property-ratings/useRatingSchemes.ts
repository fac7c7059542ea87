/** Every scheme version (newest first), to name and colour grades on pages that only carry a grade code. */
import { useCallback, useEffect, useState } from 'react';
import type { RatingSchemeDto } from '@xj/contracts';
import { api } from '../../../shared/api';
import { findGrade } from './ratingFormat';

export function useRatingSchemes(version = 0) {
  const [schemes, setSchemes] = useState<RatingSchemeDto[] | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    api
      .get<{ data: RatingSchemeDto[] }>('/api/property-ratings/schemes', { signal: controller.signal })
      .then((r) => setSchemes(r.data))
      .catch(() => undefined);
    return () => controller.abort();
  }, [version]);
  /** The grade with this code, from the given scheme version when known, else from the newest that has it. */
  const grade = useCallback(
    (code: string | null | undefined, schemeId?: number) => {
      const list = schemes ?? [];
      const own = list.find((s) => s.id === schemeId);
      return findGrade([...(own ? [own.grades] : []), ...list.map((s) => s.grades)], code);
    },
    [schemes],
  );
  return { schemes, grade };
}
