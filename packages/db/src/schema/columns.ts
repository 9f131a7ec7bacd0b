// Column helpers shared by the table types.
import type { ColumnType } from "kysely";

export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
/** `date` columns come back as 'YYYY-MM-DD' strings (see connect.ts). */
export type DateString = string;
/** `numeric` columns come back as numbers (see connect.ts). */
export type Numeric = ColumnType<number, number | string, number | string>;
export type Defaulted<T> = ColumnType<T, T | undefined, T>;
