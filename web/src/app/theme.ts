import { createTheme, type CSSVariablesResolver } from '@mantine/core';

/**
 * Indigo on neutral greys. Shades are chosen so text on filled and light
 * surfaces stays at WCAG AA contrast (4.5:1) in both colour schemes.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  defaultRadius: 'md',
  cursorType: 'pointer',
  fontFamily:
    'ui-sans-serif, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace',
  headings: {
    fontWeight: '700',
  },
  components: {
    // Render option lists only while open, so each field's label names exactly one element.
    Combobox: { defaultProps: { keepMounted: false } },
    Badge: { defaultProps: { variant: 'light' } },
    Tooltip: { defaultProps: { withArrow: true } },
    Notification: { defaultProps: { withBorder: true } },
  },
});

/** Darker "light variant" text for colours whose default shade is too pale on a light background. */
const lightVariantText: Record<string, string> = {
  indigo: '#2c3fa3',
  red: '#ab2424',
  cyan: '#096171',
  teal: '#076c4d',
  green: '#226e32',
  lime: '#456f0a',
  yellow: '#964d00',
  orange: '#a3360b',
  blue: '#145591',
};

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': '#5c636a',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-8)',
    ...Object.fromEntries(
      Object.entries(lightVariantText).map(([color, value]) => [`--mantine-color-${color}-light-color`, value]),
    ),
  },
  dark: {
    '--mantine-color-dimmed': '#a6a6a6',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-anchor': 'var(--mantine-color-indigo-3)',
  },
});
