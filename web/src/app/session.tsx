import { createContext, useContext } from 'react'
import type { Me } from '../api/types.js'

export interface Session {
  readonly me: Me
  /** API paths the server offers (from its OpenAPI document): pages for missing routes are hidden. */
  readonly routes: ReadonlySet<string>
  signOut(): Promise<void>
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const s = useContext(SessionContext)
  if (!s) throw new Error('useSession outside a signed-in shell')
  return s
}

/** True when the caller's role sees email, phone and name unmasked (server rule: everyone but viewers). */
export function seesPii(me: Me): boolean {
  return me.role !== 'viewer'
}

/** True for roles that may change data (import, analyse, build segments). */
export function canWrite(me: Me): boolean {
  return me.role === 'admin' || me.role === 'analyst'
}
