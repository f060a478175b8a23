/** Strings of this area, Chinese first. Every key in zh-CN must exist in en (a test checks). */
export const contractsLocales = {
  'zh-CN': {
    title: '数据合同',
  },
  en: {
    title: 'Data contracts',
  },
} as const;
