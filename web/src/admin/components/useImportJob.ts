/** Uploads an .xlsx to `<base>/import?mode=` and polls the job until it is done or failed. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJobDto, ImportMode } from '@xj/contracts';
import { api } from '../../shared/api';

const POLL_MS = 600;

export function useImportJob(basePath: string) {
  const [job, setJob] = useState<ImportJobDto | null>(null);
  const [uploading, setUploading] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const stop = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  useEffect(() => stop, []);

  const poll = useCallback(
    async (jobId: string) => {
      try {
        const next = await api.get<ImportJobDto>(`${basePath}/import/${jobId}`);
        setJob(next);
        if (next.status !== 'done' && next.status !== 'failed') timer.current = setTimeout(() => void poll(jobId), POLL_MS);
      } catch {
        // shown by the API wrapper; polling stops
      }
    },
    [basePath],
  );

  const start = useCallback(
    async (file: File, mode: ImportMode) => {
      stop();
      setJob(null);
      setUploading(true);
      try {
        const form = new FormData();
        form.append('file', file, file.name);
        const accepted = await api.post<{ jobId: string }>(`${basePath}/import`, form, { query: { mode } });
        await poll(accepted.jobId);
      } catch {
        // file-level problems (400/413) are shown by the API wrapper
      } finally {
        setUploading(false);
      }
    },
    [basePath, poll],
  );

  const reset = useCallback(() => {
    stop();
    setJob(null);
  }, []);

  return { job, uploading, start, reset };
}
