import type { Browser, BrowserContext, Page, Request } from 'playwright-core';
import { dataOf } from '@pay/common';
import { ACTORS, startPlatform, type Platform } from '../support/platform';
import { launchBrowser } from '../support/browser';
import { startConsoleOidcProvider, type ConsoleOidcProvider } from '../support/oidc-provider';

/**
 * The console's production sign-in in a real browser: OpenID Connect, authorization code
 * with PKCE, against a real OpenID provider (oidc-provider in a child process, with its
 * own login and consent pages). The gateway is configured with the provider as
 * OIDC_ISSUER; the console asks for an access token for the API (`resource`), keeps it as
 * its bearer token and shows the role its claims name; the graph answers with it.
 */
const API = 'https://api.payoffice.test';
const CLIENT_ID = 'payoffice-console';
const ACCOUNTS = {
  'ops-olivia': { name: 'Olivia Ops', roles: ['OPERATOR'] },
  'shop-jl888': { name: 'jl888 finance', roles: ['MERCHANT'], merchant_id: '2024164' },
  'viewer-victor': { name: 'Victor Viewer', roles: ['viewer'] },
};

const CREATE = `mutation ($input: CreateOrderInput!) { createOrder(input: $input) { order { platformOrderNo } } }`;

let idp: ConsoleOidcProvider;
let platform: Platform;
let browser: Browser;
let gatewayRoot: string;
let consoleUrl: string;

beforeAll(async () => {
  idp = await startConsoleOidcProvider({ clientId: CLIENT_ID, resource: API, accounts: ACCOUNTS });
  [platform, browser] = await Promise.all([
    startPlatform({ gatewayEnv: { OIDC_ISSUER: idp.issuer, OIDC_AUDIENCE: API, OIDC_CLIENT_ID: CLIENT_ID } }),
    launchBrowser(),
  ]);
  gatewayRoot = platform.gatewayUrl.replace(/\/graphql$/, '');
  consoleUrl = `${gatewayRoot}/console`;
  await idp.allowRedirectUri(`${consoleUrl}/auth/callback`);
  // Orders to list: two of merchant 2024164, one of merchant 2023100.
  const orders: [typeof ACTORS.merchant, string][] = [
    [ACTORS.merchant, 'OIDC-1'],
    [ACTORS.merchant, 'OIDC-2'],
    [ACTORS.otherMerchant, 'OIDC-3'],
  ];
  for (const [actor, merchantOrderNo] of orders) {
    dataOf(
      await platform.gql(
        CREATE,
        {
          input: {
            amount: '100.00',
            notifyUrl: 'http://127.0.0.1:9/notify',
            merchantOrderNo,
            notifyStyle: 'JSON',
          },
        },
        actor,
      ),
    );
  }
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await idp?.stop();
});

const contexts: BrowserContext[] = [];
afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});

/** A fresh browser (no cookies at the provider, no session) that can reach 127.0.0.1 only. */
async function freshPage(): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN' });
  contexts.push(context);
  // The provider's dev pages import a web font; the browser has no outside network.
  await context.route(
    (url) => url.hostname !== '127.0.0.1',
    (route) => route.abort(),
  );
  return context.newPage();
}

interface FlowRequests {
  authorize?: URL;
  token?: URLSearchParams;
}

/**
 * The whole sign-in as a person does it: the console's button, the provider's login page
 * (any password: dev interactions) and consent page, back to the console's callback.
 * Resolves to the requests seen at the provider so far (the token request follows).
 */
async function signInAtProvider(page: Page, login: string): Promise<FlowRequests> {
  const seen: FlowRequests = {};
  const record = (request: Request) => {
    const url = new URL(request.url());
    if (url.origin !== idp.issuer) return;
    if (url.pathname === '/auth' && request.method() === 'GET' && !seen.authorize) seen.authorize = url;
    if (url.pathname === '/token' && request.method() === 'POST') {
      seen.token = new URLSearchParams(request.postData() ?? '');
    }
  };
  page.on('request', record);
  await page.goto(`${consoleUrl}/`);
  await page.getByTestId('signin-oidc').click();
  await page.waitForURL((url) => url.origin === idp.issuer && url.pathname.startsWith('/interaction/'));
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any password');
  await page.getByRole('button', { name: 'Sign-in' }).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  // Back at the console's callback; the console then exchanges the code (the token request).
  await page.waitForURL((url) => url.href.startsWith(`${consoleUrl}/`));
  return seen;
}

/** Waits for the console's header after the callback; a refused sign-in fails with the console's message. */
async function roleShown(page: Page): Promise<string | null> {
  const outcome = page.locator('[data-testid="role"], [data-testid="oidc-callback-error"]');
  await outcome.first().waitFor();
  const error = page.getByTestId('oidc-callback-error');
  if (await error.count()) throw new Error(`sign-in refused by the console: ${await error.textContent()}`);
  return page.getByTestId('role').textContent();
}

/** A sessionStorage item of the console's page (evaluated in the browser; test code has no DOM types). */
async function sessionItem<T>(page: Page, key: string): Promise<T> {
  const raw = await page.evaluate<string | null>(`sessionStorage.getItem(${JSON.stringify(key)})`);
  expect(raw).not.toBeNull();
  return JSON.parse(raw!) as T;
}

/** The user oidc-client-ts keeps after the callback. */
const oidcUser = (page: Page) =>
  sessionItem<{ access_token: string; id_token: string }>(page, `oidc.user:${idp.issuer}:${CLIENT_ID}`);

const claimsOf = (jwt: string) =>
  JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;

async function graphqlAs(token: string) {
  const response = await fetch(`${gatewayRoot}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ orders(pageSize: 5) { totalCount } }' }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { message: string }[] } };
}

const rows = (page: Page) => page.locator('[data-testid="orders-table"] tr.ant-table-row');

describe('console sign-in with OpenID Connect (authorization code + PKCE, a real provider)', () => {
  it('signs an operator in with an access token for the API, which the graph accepts', async () => {
    const page = await freshPage();
    const flow = await signInAtProvider(page, 'ops-olivia');
    expect(await roleShown(page)).toBe('OPERATOR');
    expect(await page.getByTestId('who').textContent()).toBe('Olivia Ops');

    // The authorization request: code flow, PKCE S256, the API as the resource.
    expect(Object.fromEntries(flow.authorize!.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${consoleUrl}/auth/callback`,
      code_challenge_method: 'S256',
      code_challenge: expect.stringMatching(/^[\w-]{43}$/),
      resource: API,
    });
    // The token request: the code with its PKCE verifier, for the API, no client secret.
    expect(Object.fromEntries(flow.token!)).toMatchObject({
      grant_type: 'authorization_code',
      client_id: CLIENT_ID,
      code_verifier: expect.stringMatching(/^[\w.~-]{43,128}$/),
      resource: API,
    });
    expect(flow.token!.has('client_secret')).toBe(false);

    // The console's bearer token is the provider's access token for the API.
    const user = await oidcUser(page);
    const session = await sessionItem<{ token: string; role: string }>(page, 'payoffice.session');
    expect(session).toMatchObject({ token: user.access_token, role: 'OPERATOR' });
    expect(claimsOf(user.access_token)).toMatchObject({
      iss: idp.issuer,
      aud: API,
      sub: 'ops-olivia',
      client_id: CLIENT_ID,
      roles: ['OPERATOR'],
    });

    // A screen loads its data through /graphql with that token: every merchant's orders.
    const graphqlCall = page.waitForRequest(
      (r) =>
        r.url() === `${gatewayRoot}/graphql` && r.method() === 'POST' && !!r.postData()?.includes('orders'),
    );
    await page.goto(`${consoleUrl}/orders`);
    const request = await graphqlCall;
    expect(request.headers().authorization).toBe(`Bearer ${user.access_token}`);
    expect((await request.response())?.status()).toBe(200);
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(3);
    const tableText = await page.getByTestId('orders-table').textContent();
    for (const no of ['OIDC-1', 'OIDC-2', 'OIDC-3']) expect(tableText).toContain(no);

    // The same flow's ID token is not for the API (aud = the console), though it names the role.
    expect(claimsOf(user.id_token)).toMatchObject({ aud: CLIENT_ID, roles: ['OPERATOR'] });
    const withIdToken = await graphqlAs(user.id_token);
    expect(withIdToken.status).toBe(401);
    expect(withIdToken.body.errors?.[0]?.message).toMatch(/not for this API/);
    expect((await graphqlAs(user.access_token)).status).toBe(200);
  });

  it('signs a merchant in: its merchant id comes from the token, and it sees its own orders only', async () => {
    const page = await freshPage();
    await signInAtProvider(page, 'shop-jl888');
    expect(await roleShown(page)).toBe('MERCHANT');
    expect(await page.getByTestId('who').textContent()).toContain('2024164');
    await page.goto(`${consoleUrl}/orders`);
    await rows(page).first().waitFor();
    expect(await rows(page).count()).toBe(2);
    const tableText = await page.getByTestId('orders-table').textContent();
    expect(tableText).toContain('OIDC-1');
    expect(tableText).not.toContain('OIDC-3');
  });

  it('does not sign in an account whose token names no role, and the gateway refuses that token', async () => {
    const page = await freshPage();
    await signInAtProvider(page, 'viewer-victor');
    await page.getByTestId('oidc-callback-error').waitFor();
    expect(await page.getByTestId('oidc-callback-error').textContent()).toContain('“roles”');
    expect(await page.getByTestId('role').count()).toBe(0);
    const user = await oidcUser(page);
    expect(claimsOf(user.access_token)).toMatchObject({ iss: idp.issuer, aud: API, roles: ['viewer'] });
    const refused = await graphqlAs(user.access_token);
    expect(refused.status).toBe(401);
    expect(refused.body.errors?.[0]?.message).toMatch(/"roles" claim names none of the roles/);
  });
});
