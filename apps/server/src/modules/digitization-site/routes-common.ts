// Shared route pieces of the digitization site.
import { z } from "zod";

export const tags = ["digitization-site"];
export const id = z.object({ id: z.uuid() });
export const text = (max: number) => z.string().trim().min(1).max(max);
export const optText = (max: number) => z.string().trim().max(max).optional();
export const BASE = "/api/digitization-site";
