import type { Adapter, UnknownObject } from 'oidc-provider';

/**
 * oidc-provider's storage, kept in this process's memory: sessions and grants are lost on
 * restart, which a development provider can afford (access tokens are JWTs and stay verifiable).
 * Our own rather than the bundled one, which warns on every start; one store per provider.
 */
class MemoryStore {
  private readonly entries = new Map<string, { payload: UnknownObject; expiresAt: number }>();

  read(key: string): UnknownObject | undefined {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= Date.now()) this.entries.delete(key);
    return entry && entry.expiresAt > Date.now() ? entry.payload : undefined;
  }

  write(key: string, payload: UnknownObject, expiresIn?: number): void {
    // Expired entries are otherwise only dropped when read; sweep now and then.
    if (this.entries.size % 500 === 499) this.sweep();
    this.entries.set(key, { payload, expiresAt: expiresIn ? Date.now() + expiresIn * 1000 : Infinity });
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  deleteWhere(matches: (payload: UnknownObject) => boolean): void {
    for (const [key, entry] of this.entries) if (matches(entry.payload)) this.entries.delete(key);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

export function createMemoryAdapterFactory(): (model: string) => Adapter {
  const store = new MemoryStore();
  return (model) => modelAdapter(model, store);
}

function modelAdapter(model: string, store: MemoryStore): Adapter {
  const key = (id: string) => `${model}:${id}`;
  // Secondary indexes (session uid, device user code) hold the id of the record they point to.
  const follow = (index: UnknownObject | undefined) =>
    typeof index?.id === 'string' ? store.read(key(index.id)) : undefined;
  return {
    upsert(id, payload, expiresIn) {
      store.write(key(id), payload, expiresIn);
      if (typeof payload.uid === 'string') store.write(`${model}:uid:${payload.uid}`, { id }, expiresIn);
      if (typeof payload.userCode === 'string')
        store.write(`${model}:code:${payload.userCode}`, { id }, expiresIn);
      return Promise.resolve();
    },
    find: (id) => Promise.resolve(store.read(key(id))),
    findByUid: (uid) => Promise.resolve(follow(store.read(`${model}:uid:${uid}`))),
    findByUserCode: (code) => Promise.resolve(follow(store.read(`${model}:code:${code}`))),
    consume(id) {
      const payload = store.read(key(id));
      if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      return Promise.resolve();
    },
    destroy(id) {
      store.delete(key(id));
      return Promise.resolve();
    },
    revokeByGrantId(grantId) {
      store.deleteWhere((payload) => payload.grantId === grantId);
      return Promise.resolve();
    },
  };
}
