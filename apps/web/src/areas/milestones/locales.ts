/** Strings of this area, Chinese first. Every key in zh-CN must exist in en (a test checks). */
export const milestonesLocales = {
  'zh-CN': {
    title: '里程碑与分账',
  },
  en: {
    title: 'Milestones & ledger',
  },
} as const;
