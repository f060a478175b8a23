/** Strings of this area, Chinese first. Every key in zh-CN must exist in en (a test checks). */
export const consortiumLocales = {
  'zh-CN': {
    title: '联合体',
  },
  en: {
    title: 'Consortium',
  },
} as const;
