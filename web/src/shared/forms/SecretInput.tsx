import { PasswordInput, type PasswordInputProps } from '@mantine/core';

/**
 * A password field whose show/hide toggle is reachable by keyboard and whose name
 * does not repeat the field label (so "Password" names exactly one control).
 */
export function SecretInput(props: PasswordInputProps) {
  return (
    <PasswordInput
      visibilityToggleButtonProps={{ 'aria-label': 'Show characters' }}
      visibilityToggleFocusable
      {...props}
    />
  );
}
