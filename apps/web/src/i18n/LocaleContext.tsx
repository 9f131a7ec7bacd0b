// The current locale (zh-CN by default, persisted in localStorage), its
// dictionary and a `pick` for the API's { zh, en } messages.
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { Bilingual } from "../api/types.ts";
import { type Locale, langOf } from "./define.ts";
import { type Dict, dictFor } from "./dict.ts";

const STORAGE_KEY = "dangan.locale";

interface LocaleValue {
  locale: Locale;
  lang: "zh" | "en";
  setLocale: (l: Locale) => void;
  t: Dict;
  pick: (m: Bilingual | null | undefined) => string;
}

const LocaleContext = createContext<LocaleValue | null>(null);

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === "zh-CN" || saved === "en-US") return saved;
  } catch {
    // storage unavailable: fall back to the default
  }
  return "zh-CN";
}

export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  const lang = langOf(locale);

  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(lang === "zh" ? "zh-cn" : "en");
  }, [locale, lang]);

  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not persisted; the choice still applies to this page
    }
  }, []);

  const value = useMemo<LocaleValue>(
    () => ({
      locale,
      lang,
      setLocale,
      t: dictFor(lang),
      pick: (m) => (m ? m[lang] : ""),
    }),
    [locale, lang, setLocale],
  );
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useI18n(): LocaleValue {
  const v = useContext(LocaleContext);
  if (!v) throw new Error("useI18n outside LocaleProvider");
  return v;
}
