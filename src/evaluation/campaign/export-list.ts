import type { Connection } from '../../sql/driver.js'
import { sql } from '../../sql/fragment.js'
import { getCampaign } from './campaigns.js'

/**
 * Writes the treatment list (CSV): treatment customers with marketing consent, never the holdout and never
 * a customer without consent (consent is checked again at export time, so a withdrawal since the draw is
 * honoured). Contact columns only when asked. Returns the number of customers written.
 */
export async function exportTreatment(
  conn: Connection,
  options: { campaign: string; path: string; withContact?: boolean },
): Promise<number> {
  const c = await getCampaign(conn, options.campaign)
  const contact = options.withContact ? sql`, c.email, c.phone, c.name` : sql``
  const where = sql`a.campaign_id = ${c.campaignId} AND a.arm = 'treatment' AND a.consent
    AND coalesce(c.consent_marketing, FALSE)`
  const query = sql`SELECT a.customer_id, a.stratum AS rfm_segment${contact}
    FROM campaign_assignments a JOIN customers c ON c.customer_id = a.customer_id
    WHERE ${where} ORDER BY a.customer_id`
  await conn.copyToFile(query, options.path, 'csv')
  const n = await conn.one<{ n: number }>(sql`SELECT count(*) AS n
    FROM campaign_assignments a JOIN customers c ON c.customer_id = a.customer_id WHERE ${where}`)
  return Number(n?.n ?? 0)
}
