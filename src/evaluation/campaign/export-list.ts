import type { Connection } from '../../sql/driver.js'
import { type Fragment, sql } from '../../sql/fragment.js'
import { exportToFile } from '../../sql/spreadsheet-safe.js'
import { getCampaign } from './campaigns.js'

/**
 * The treatment list of a campaign: treatment customers with marketing consent, never the holdout and never
 * a customer without consent (consent is checked again now, so a withdrawal since the draw is honoured).
 * Contact columns only when asked. Ordered by `customer_id` (the server streams it by that key).
 */
export function treatmentQuery(campaignId: string, withContact = false): Fragment {
  const contact = withContact ? sql`, c.email, c.phone, c.name` : sql``
  return sql`SELECT a.customer_id, a.stratum AS rfm_segment${contact}
    FROM campaign_assignments a JOIN customers c ON c.customer_id = a.customer_id
    WHERE a.campaign_id = ${campaignId} AND a.arm = 'treatment' AND a.consent
      AND coalesce(c.consent_marketing, FALSE)`
}

/** Writes the treatment list (CSV, see `treatmentQuery`); returns the number of customers written. */
export async function exportTreatment(
  conn: Connection,
  options: { campaign: string; path: string; withContact?: boolean },
): Promise<number> {
  const c = await getCampaign(conn, options.campaign)
  const query = treatmentQuery(c.campaignId, options.withContact)
  await exportToFile(conn, sql`${query} ORDER BY a.customer_id`, options.path, 'csv')
  const n = await conn.one<{ n: number }>(sql`SELECT count(*) AS n FROM (${query}) AS t`)
  return Number(n?.n ?? 0)
}
