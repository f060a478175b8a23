import type { ThemeConfig } from 'antd';

/**
 * Ant Design's tokens, darkened where its defaults fall short of WCAG 2.2 AA contrast (4.5:1 for
 * text): secondary and description text, placeholders, links, danger and error red. axe-core checks every main page.
 */
export const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1554ad',
    colorInfo: '#1554ad',
    colorLink: '#1554ad',
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextQuaternary: 'rgba(0, 0, 0, 0.56)',
    borderRadius: 6,
  },
};

/** Grey for counts that are zero: white on it still reads at 4.5:1 or more. */
export const MUTED_BADGE = '#595959';
