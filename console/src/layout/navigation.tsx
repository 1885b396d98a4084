import type { ReactNode } from 'react';
import {
  AccountBookOutlined,
  AuditOutlined,
  BankOutlined,
  ClusterOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  KeyOutlined,
  ProfileOutlined,
  ReconciliationOutlined,
  TransactionOutlined,
  WalletOutlined,
} from '@ant-design/icons';
import type { Session } from '../auth/session';
import type { MessageId } from '../i18n/messages';

export interface NavItem {
  path: string;
  label: MessageId;
  icon?: ReactNode;
  children?: NavItem[];
}

/** The platform's menu (operators act, analysts read the same screens). */
const PLATFORM: NavItem[] = [
  { path: '/overview', label: 'nav.overview', icon: <DashboardOutlined /> },
  { path: '/orders', label: 'nav.orders', icon: <ProfileOutlined /> },
  {
    path: '/reconciliation',
    label: 'nav.reconciliation',
    icon: <ReconciliationOutlined />,
    children: [
      { path: '/reconciliation/statements', label: 'nav.statements' },
      { path: '/reconciliation/runs', label: 'nav.runs' },
      { path: '/reconciliation/discrepancies', label: 'nav.discrepancies' },
      { path: '/reconciliation/approvals', label: 'nav.approvals' },
    ],
  },
  {
    path: '/settlement',
    label: 'nav.settlement',
    icon: <AccountBookOutlined />,
    children: [
      { path: '/settlement/records', label: 'nav.settlements' },
      { path: '/settlement/accounts', label: 'nav.settlementAccounts' },
    ],
  },
  { path: '/billing', label: 'nav.billing', icon: <AuditOutlined /> },
  {
    path: '/withdrawals',
    label: 'nav.withdrawals',
    icon: <BankOutlined />,
    children: [
      { path: '/withdrawals/list', label: 'nav.withdrawals' },
      { path: '/withdrawals/bank-cards', label: 'nav.bankCards' },
    ],
  },
  { path: '/clearing', label: 'nav.clearing', icon: <ClusterOutlined /> },
];

/** A merchant's menu: its own money only. */
const MERCHANT: NavItem[] = [
  { path: '/balance', label: 'nav.balance', icon: <WalletOutlined /> },
  { path: '/orders', label: 'nav.orders', icon: <ProfileOutlined /> },
  { path: '/money-logs', label: 'nav.moneyLogs', icon: <TransactionOutlined /> },
  { path: '/withdrawals/list', label: 'nav.withdrawals', icon: <BankOutlined /> },
  { path: '/settlement/records', label: 'nav.settlements', icon: <AccountBookOutlined /> },
  { path: '/billing', label: 'nav.billing', icon: <FileSearchOutlined /> },
  { path: '/api-keys', label: 'nav.apiKeys', icon: <KeyOutlined /> },
];

export const navigationFor = (session: Session): NavItem[] =>
  session.role === 'MERCHANT' ? MERCHANT : PLATFORM;

/** Where a user lands after signing in. */
export const homeFor = (session: Session): string => (session.role === 'MERCHANT' ? '/balance' : '/overview');
