/** Strings of this area, Chinese first. Every key in zh-CN must exist in en (a test checks). */
export const myworkLocales = {
  'zh-CN': {
    title: '我的工作',
  },
  en: {
    title: 'My work',
  },
} as const;
