/** How this gateway lets people sign in (GET /console/auth-config, public). */
export interface AuthConfig {
  oidc: {
    /** The OpenID provider, exactly as it puts itself in `iss`. */
    issuer: string;
    /** The console's public client id at the provider. */
    clientId: string;
    /**
     * The API the console asks an access token for (`resource`, RFC 8707; the token's `aud`,
     * which the gateway checks). Unset: the provider's default access token.
     */
    audience?: string;
    scopes: string[];
    /** Where the provider's tokens name the role (the gateway's OIDC_ROLE_CLAIM; default `roles`). */
    roleClaim?: string;
    /** Where they name a MERCHANT's merchant id (OIDC_MERCHANT_CLAIM; default `merchant_id`). */
    merchantClaim?: string;
  } | null;
}

/** A demo identity (only when the gateway runs on the demo secrets). */
export interface DemoIdentity {
  id: string;
  label: string;
  role: string;
  merchantId: number | null;
}

export async function fetchAuthConfig(): Promise<AuthConfig> {
  const response = await fetch('/console/auth-config');
  if (!response.ok) return { oidc: null };
  return (await response.json()) as AuthConfig;
}

export async function fetchDemoIdentities(): Promise<DemoIdentity[]> {
  const response = await fetch('/console/demo-identities');
  if (!response.ok) return [];
  return ((await response.json()) as { identities: DemoIdentity[] }).identities;
}

export async function demoSignIn(identity: string): Promise<string> {
  const response = await fetch('/console/demo-sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity }),
  });
  const body = (await response.json()) as { token?: string; error?: string };
  if (!response.ok || !body.token) throw new Error(body.error ?? `sign-in refused (${response.status})`);
  return body.token;
}
