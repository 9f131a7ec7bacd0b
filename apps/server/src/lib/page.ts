// Pagination shared by every list endpoint.
import { z } from "zod";

export const pageQuery = {
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export const pageOf = <T>(items: T[], total: number, page: number, pageSize: number): Page<T> => ({
  items,
  total,
  page,
  pageSize,
});

export const likeEscape = (q: string) => q.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Escapes LIKE wildcards in user search text and matches anywhere. */
export const likePattern = (q: string) => `%${likeEscape(q)}%`;
