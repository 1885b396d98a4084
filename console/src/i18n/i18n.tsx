import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { MESSAGES, type Language, type MessageId } from './messages';

interface I18n {
  language: Language;
  setLanguage: (language: Language) => void;
  /** The text of `id` in the current language (zh or en). */
  t: (id: MessageId) => string;
  /** Picks between an inline Chinese and English text (for one-off labels). */
  tr: (zh: string, en: string) => string;
}

const I18nContext = createContext<I18n | null>(null);
const KEY = 'payoffice.language';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(() =>
    localStorage.getItem(KEY) === 'en' ? 'en' : 'zh',
  );
  const value = useMemo<I18n>(
    () => ({
      language,
      setLanguage: (next) => {
        localStorage.setItem(KEY, next);
        setLanguageState(next);
      },
      t: (id) => MESSAGES[id][language === 'zh' ? 0 : 1],
      tr: (zh, en) => (language === 'zh' ? zh : en),
    }),
    [language],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}
