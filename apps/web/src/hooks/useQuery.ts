// Loads data for a component: re-runs when `deps` change, aborts stale
// requests, keeps the last data while reloading, and exposes `reload`.
import { type DependencyList, useCallback, useEffect, useState } from "react";
import { type ApiError, asApiError } from "../api/client.ts";

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

export function useQuery<T>(fn: (signal: AbortSignal) => Promise<T>, deps: DependencyList): QueryState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [tick, setTick] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller lists what `fn` depends on
  useEffect(() => {
    const ctl = new AbortController();
    setLoading(true);
    fn(ctl.signal).then(
      (d) => {
        if (ctl.signal.aborted) return;
        setData(d);
        setError(undefined);
        setLoading(false);
      },
      (e: unknown) => {
        if (ctl.signal.aborted) return;
        setError(asApiError(e));
        setLoading(false);
      },
    );
    return () => ctl.abort();
  }, [...deps, tick]);

  const reload = useCallback(() => setTick((x) => x + 1), []);
  return { data, error, loading, reload };
}
