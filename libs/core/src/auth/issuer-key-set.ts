import {
  createLocalJWKSet,
  errors,
  type CryptoKey,
  type FlattenedJWSInput,
  type JSONWebKeySet,
  type JWSHeaderParameters,
} from 'jose';

/** Asymmetric algorithms only: `none` and HMAC (a shared secret anyone with the JWKS could abuse) are refused. */
export const ASYMMETRIC_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'EdDSA',
];

export interface IssuerKeySetOptions {
  /** Keys older than this are fetched again: the longest a withdrawn key is still accepted. */
  maxAgeMs: number;
  /** At most one refetch for unknown key ids in this span, so forged kids cannot hammer the issuer. */
  unknownKeyCooldownMs: number;
  timeoutMs: number;
  now?: () => number;
  fetchKeys?: (url: URL, signal: AbortSignal) => Promise<unknown>;
}

export const ISSUER_KEY_SET_DEFAULTS: IssuerKeySetOptions = {
  maxAgeMs: 10 * 60_000,
  unknownKeyCooldownMs: 30_000,
  timeoutMs: 5_000,
};

type LocalKeySet = ReturnType<typeof createLocalJWKSet>;

/**
 * The issuer's published signing keys, cached. Unlike jose's remote key set, the cooldown
 * counts only refetches caused by unknown key ids: a key an issuer starts signing with right
 * after publishing it is picked up on first sight, even just after a routine fetch.
 */
export class IssuerKeySet {
  private local: LocalKeySet | undefined;
  private fetchedAt = Number.NEGATIVE_INFINITY;
  private unknownKeyRefetchAt = Number.NEGATIVE_INFINITY;
  private pending: Promise<void> | undefined;
  private readonly now: () => number;
  private readonly fetchKeys: (url: URL, signal: AbortSignal) => Promise<unknown>;

  constructor(
    private readonly url: URL,
    private readonly options: IssuerKeySetOptions = ISSUER_KEY_SET_DEFAULTS,
  ) {
    this.now = options.now ?? (() => Date.now());
    this.fetchKeys = options.fetchKeys ?? fetchJwks;
  }

  /** For jose's `jwtVerify`. */
  readonly getKey = async (header: JWSHeaderParameters, token: FlattenedJWSInput): Promise<CryptoKey> => {
    let reloaded = false;
    if (!this.local || this.now() - this.fetchedAt >= this.options.maxAgeMs) {
      await this.reload();
      reloaded = true;
    }
    try {
      return await this.local!(header, token);
    } catch (error) {
      if (!(error instanceof errors.JWKSNoMatchingKey) || reloaded) throw error;
      // A fetch under way (perhaps for this very key) is awaited, never refused.
      if (this.pending) await this.pending;
      else if (this.mayRefetchForUnknownKey()) await this.reload();
      else throw error;
      return this.local!(header, token);
    }
  };

  private mayRefetchForUnknownKey(): boolean {
    const now = this.now();
    if (now - this.unknownKeyRefetchAt < this.options.unknownKeyCooldownMs) return false;
    this.unknownKeyRefetchAt = now;
    return true;
  }

  private reload(): Promise<void> {
    this.pending ??= this.fetchKeys(this.url, AbortSignal.timeout(this.options.timeoutMs))
      .then((json) => {
        this.local = createLocalJWKSet(json as JSONWebKeySet);
        this.fetchedAt = this.now();
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }
}

async function fetchJwks(url: URL, signal: AbortSignal): Promise<unknown> {
  const response = await fetch(url, {
    signal,
    redirect: 'manual',
    headers: { accept: 'application/jwk-set+json, application/json' },
  });
  // Not a JOSEError: the token is not at fault, the identity provider is.
  if (response.status !== 200) throw new Error(`The issuer's key set answered HTTP ${response.status}`);
  return response.json();
}
