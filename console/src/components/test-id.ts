import type { ButtonProps } from 'antd';

/** Button props carrying a `data-testid` (for dialogs' OK/Cancel buttons, whose props are objects). */
export const buttonTestId = (id: string): ButtonProps => ({ 'data-testid': id }) as ButtonProps;
