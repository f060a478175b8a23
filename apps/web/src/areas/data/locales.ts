/** Strings of this area, Chinese first. Every key in zh-CN must exist in en (a test checks). */
export const dataLocales = {
  'zh-CN': {
    title: '数据目录',
  },
  en: {
    title: 'Data catalog',
  },
} as const;
