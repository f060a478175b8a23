/** Strings of this area, Chinese first. Every key in zh-CN must exist in en (a test checks). */
export const auditLocales = {
  'zh-CN': {
    title: '审计日志',
  },
  en: {
    title: 'Audit trail',
  },
} as const;
