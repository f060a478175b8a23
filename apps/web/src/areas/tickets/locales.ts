/** Strings of this area, Chinese first. Every key in zh-CN must exist in en (a test checks). */
export const ticketsLocales = {
  'zh-CN': {
    title: '痛点工单',
  },
  en: {
    title: 'Pain-point tickets',
  },
} as const;
