// A small typed fetch client: JSON in and out, the CSRF header on every
// non-GET request, and a typed ApiError for the server's error bodies
// ({ code, clause?, message: { zh, en }, details? }).
import type { Bilingual } from "./types.ts";

export interface FieldIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly clause: string | undefined;
  readonly messages: Bilingual;
  readonly details: Record<string, unknown> | undefined;

  constructor(
    status: number,
    body: { code?: string; clause?: string; message?: Bilingual; details?: unknown },
  ) {
    const messages = body.message ?? { zh: "请求失败", en: "The request failed" };
    super(`${body.code ?? status}: ${messages.en}`);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code ?? `HTTP_${status}`;
    this.clause = body.clause;
    this.messages = messages;
    this.details = (body.details as Record<string, unknown> | undefined) ?? undefined;
  }

  /** Field-level problems of a VALIDATION_FAILED error. */
  get issues(): FieldIssue[] {
    const issues = this.details?.issues;
    return Array.isArray(issues) ? (issues as FieldIssue[]) : [];
  }
}

export const networkError = () =>
  new ApiError(0, {
    code: "NETWORK",
    message: {
      zh: "无法连接服务器，请检查网络后重试",
      en: "Cannot reach the server; check the network and retry",
    },
  });

let csrfToken: string | null = null;
let onUnauthenticated: (() => void) | null = null;

export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};
export const getCsrfToken = () => csrfToken;

/** Called when a request finds the session gone (401 UNAUTHENTICATED). */
export const setUnauthenticatedHandler = (fn: (() => void) | null) => {
  onUnauthenticated = fn;
};

export type Query = Record<string, string | number | boolean | null | undefined>;

/** Path plus query string; empty values are left out. */
export function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {})) {
    if (v === undefined || v === null || v === "") continue;
    params.set(k, String(v));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
}

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: "application/json" };
  if (opts.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: "same-origin",
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw networkError();
  }
  const type = res.headers.get("content-type") ?? "";
  const body: unknown = type.includes("json") ? await res.json().catch(() => ({})) : {};
  if (!res.ok) {
    const err = new ApiError(res.status, body as ConstructorParameters<typeof ApiError>[1]);
    if (err.code === "UNAUTHENTICATED" && !path.startsWith("/api/auth/")) onUnauthenticated?.();
    throw err;
  }
  return body as T;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) =>
    request<T>("GET", path, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, body: unknown = {}, query?: Query) =>
    request<T>("POST", path, { body, ...(query ? { query } : {}) }),
  put: <T>(path: string, body: unknown) => request<T>("PUT", path, { body }),
  patch: <T>(path: string, body: unknown) => request<T>("PATCH", path, { body }),
  delete: <T>(path: string) => request<T>("DELETE", path),
};

export const asApiError = (e: unknown): ApiError =>
  e instanceof ApiError
    ? e
    : new ApiError(0, {
        code: "CLIENT",
        message: { zh: "页面出现错误", en: (e as Error)?.message ?? "Something went wrong" },
      });
