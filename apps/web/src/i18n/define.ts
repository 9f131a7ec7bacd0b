// A typed dictionary without an i18n library: each module defines its Chinese
// messages and an English twin with exactly the same keys and signatures.
export type Msg = string | ((...args: never) => string);
export type Messages = Record<string, Msg>;

type Twin<T extends Messages> = { [K in keyof T]: T[K] extends string ? string : T[K] };

export function defineMessages<T extends Messages>(zh: T, en: Twin<T>): { zh: T; en: T } {
  return { zh, en: en as T };
}

export type Locale = "zh-CN" | "en-US";
export const LOCALES: Locale[] = ["zh-CN", "en-US"];
export const langOf = (locale: Locale): "zh" | "en" => (locale === "zh-CN" ? "zh" : "en");
