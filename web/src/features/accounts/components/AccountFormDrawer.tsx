import { Drawer } from '@mantine/core';
import type { Account } from '../api/types';
import { AccountForm } from './AccountForm';
import { AccountStatusForm } from './AccountStatusForm';

interface AccountFormDrawerProps {
  opened: boolean;
  onClose: () => void;
  /** Absent: a new account. */
  account?: Account;
  /** `full` for admins; `status` for the account's relationship owner. */
  mode: 'full' | 'status';
  onSaved?: (account: Account) => void;
}

export function AccountFormDrawer({ opened, onClose, account, mode, onSaved }: AccountFormDrawerProps) {
  const title = !account ? 'New account' : mode === 'status' ? `Reference status of ${account.name}` : `Edit ${account.name}`;
  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={mode === 'status' ? 'md' : 'xl'}
      title={title}
      closeButtonProps={{ 'aria-label': 'Close' }}
    >
      {opened && mode === 'status' && account && <AccountStatusForm account={account} onDone={onClose} />}
      {opened && mode === 'full' && (
        <AccountForm
          account={account}
          onCancel={onClose}
          onSaved={(saved) => {
            onClose();
            onSaved?.(saved);
          }}
        />
      )}
    </Drawer>
  );
}
