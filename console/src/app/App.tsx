import { useMemo, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { Provider as UrqlProvider } from 'urql';
import { useAuth } from '../auth/auth';
import { OidcCallbackPage, SignInPage } from '../auth/SignInPage';
import { createGraphQLClient } from '../graphql/client';
import { AppLayout } from '../layout/AppLayout';
import { homeFor } from '../layout/navigation';
import { NotFound } from '../screens/NotFound';
import { OverviewPage } from '../screens/overview/OverviewPage';
import { OrdersPage } from '../screens/orders/OrdersPage';
import { OrderDetailPage } from '../screens/orders/OrderDetailPage';
import { StatementsPage } from '../screens/reconciliation/StatementsPage';
import { RunsPage } from '../screens/reconciliation/RunsPage';
import { RunDetailPage } from '../screens/reconciliation/RunDetailPage';
import { DiscrepanciesPage } from '../screens/reconciliation/DiscrepanciesPage';
import { ApprovalsPage } from '../screens/reconciliation/ApprovalsPage';
import { SettlementAccountsPage } from '../screens/settlement/SettlementAccountsPage';
import { SettlementsPage } from '../screens/settlement/SettlementsPage';
import { BillingPage } from '../screens/billing/BillingPage';
import { WithdrawalsPage } from '../screens/withdrawals/WithdrawalsPage';
import { BankCardsPage } from '../screens/withdrawals/BankCardsPage';
import { ClearingPage } from '../screens/clearing/ClearingPage';
import { BalancePage } from '../screens/merchant/BalancePage';
import { MoneyLogsPage } from '../screens/merchant/MoneyLogsPage';
import { ApiKeysPage } from '../screens/merchant/ApiKeysPage';

/** Platform-only screens redirect a merchant home (the graph would refuse them anyway). */
function PlatformOnly({ children }: { children: ReactNode }) {
  const { session } = useAuth();
  return session && session.role !== 'MERCHANT' ? <>{children}</> : <Navigate to="/" replace />;
}

export function App() {
  const { session, signOut } = useAuth();
  const client = useMemo(
    () => (session ? createGraphQLClient(session.token, signOut) : null),
    [session, signOut],
  );

  if (!session || !client)
    return (
      <Routes>
        <Route path="/auth/callback" element={<OidcCallbackPage />} />
        <Route path="*" element={<SignInPage />} />
      </Routes>
    );

  const platform = (element: ReactNode) => <PlatformOnly>{element}</PlatformOnly>;
  return (
    <UrqlProvider value={client}>
      <Routes>
        <Route element={<AppLayout />}>
          <Route index element={<Navigate to={homeFor(session)} replace />} />
          <Route path="overview" element={platform(<OverviewPage />)} />
          <Route path="orders" element={<OrdersPage />} />
          <Route path="orders/:platformOrderNo" element={<OrderDetailPage />} />
          <Route path="reconciliation/statements" element={platform(<StatementsPage />)} />
          <Route path="reconciliation/runs" element={platform(<RunsPage />)} />
          <Route path="reconciliation/runs/:code" element={platform(<RunDetailPage />)} />
          <Route path="reconciliation/discrepancies" element={platform(<DiscrepanciesPage />)} />
          <Route path="reconciliation/approvals" element={platform(<ApprovalsPage />)} />
          <Route path="settlement/accounts" element={platform(<SettlementAccountsPage />)} />
          <Route path="settlement/records" element={<SettlementsPage />} />
          <Route path="billing" element={<BillingPage />} />
          <Route path="withdrawals/list" element={<WithdrawalsPage />} />
          <Route path="withdrawals/bank-cards" element={platform(<BankCardsPage />)} />
          <Route path="clearing" element={platform(<ClearingPage />)} />
          <Route path="balance" element={<BalancePage />} />
          <Route path="money-logs" element={<MoneyLogsPage />} />
          <Route path="api-keys" element={<ApiKeysPage />} />
          <Route path="auth/callback" element={<Navigate to="/" replace />} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Routes>
    </UrqlProvider>
  );
}
