/** Roles of people (DESIGN §6: PII visible only to roles that need it). */
export const ROLES = ['admin', 'analyst', 'viewer'] as const
export type Role = (typeof ROLES)[number]

/** Scopes of API keys: `track` sends live data, `read` reads like an analyst, `admin` does everything. */
export const SCOPES = ['track', 'read', 'admin'] as const
export type Scope = (typeof SCOPES)[number]

/** Who is calling: a signed-in user (session) or a machine (API key). */
export interface Principal {
  readonly kind: 'user' | 'api_key'
  readonly id: string
  readonly name: string
  readonly role: Role
  readonly scopes: readonly Scope[]
  /** Session callers must send this token back in `x-csrf-token` on state-changing requests. */
  readonly csrfToken?: string
}

/** What a route needs: a minimum role for people and a scope for keys. */
export interface Access {
  readonly role: Role
  readonly scope: Scope
}

const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 }

/** An API key's effective role: `admin` → admin, `read` → analyst, `track` alone reads nothing. */
export function roleOfScopes(scopes: readonly Scope[]): Role {
  if (scopes.includes('admin')) return 'admin'
  if (scopes.includes('read')) return 'analyst'
  return 'viewer'
}

/** True when the principal may call a route needing `access`. */
export function allowed(p: Principal, access: Access): boolean {
  if (p.kind === 'api_key') return p.scopes.includes('admin') || p.scopes.includes(access.scope)
  return RANK[p.role] >= RANK[access.role]
}

/** True for roles that may see email, phone and name unmasked. */
export function seesPii(p: Principal | undefined): boolean {
  return p !== undefined && p.role !== 'viewer'
}
