/**
 * Ant Design theme: party red as the primary colour, and text tokens darkened so that
 * secondary text keeps a WCAG AA contrast ratio (≥ 4.5:1) on white and light grey.
 */
import type { ThemeConfig } from 'antd';

export const PARTY_RED = '#b71c1c';

/** People who ask their system for less motion get the console without antd's animations. */
const reducedMotion = typeof window !== 'undefined' && window.matchMedia?.('(prefers-reduced-motion: reduce)').matches === true;

export const theme: ThemeConfig = {
  token: {
    motion: !reducedMotion,
    colorPrimary: PARTY_RED,
    colorLink: PARTY_RED,
    // Darker than antd's default red so danger buttons/links keep ≥ 4.5:1 on white.
    colorError: '#cf1322',
    colorTextSecondary: 'rgba(0, 0, 0, 0.68)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.62)',
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.55)',
    borderRadius: 6,
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      headerBg: '#8e1515',
      headerHeight: 56,
      headerPadding: '0 16px',
      siderBg: '#ffffff',
      bodyBg: '#f2f3f5',
    },
    Menu: {
      itemSelectedBg: '#fbeaea',
      itemSelectedColor: '#8e1515',
      groupTitleColor: 'rgba(0, 0, 0, 0.62)',
    },
  },
};
