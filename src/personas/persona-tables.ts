import type { TableDef } from '../sql/dialect.js'
import { registerMigration } from '../store/migrations.js'

/** One k-means run: the snapshot it read, k, the seed, the features and the silhouette of every k tried. */
export const CLUSTER_RUNS: TableDef = {
  name: 'cluster_runs',
  key: ['run_id'],
  columns: [
    { name: 'run_id', type: 'text', nullable: false },
    { name: 'snapshot_id', type: 'text', nullable: false },
    { name: 'k', type: 'integer', nullable: false },
    { name: 'seed', type: 'integer', nullable: false },
    { name: 'customers', type: 'integer', nullable: false },
    { name: 'features', type: 'json' },
    { name: 'k_scores', type: 'json' },
    { name: 'created_at', type: 'timestamp', nullable: false },
  ],
}

/** A cluster of a run: size, the generated name and description (JSON {en, zh-CN, zh-TW}) and its profile. */
export const CLUSTERS: TableDef = {
  name: 'clusters',
  key: ['run_id', 'cluster'],
  columns: [
    { name: 'run_id', type: 'text', nullable: false },
    { name: 'cluster', type: 'integer', nullable: false },
    { name: 'size', type: 'integer', nullable: false },
    { name: 'name', type: 'json' },
    { name: 'description', type: 'json' },
    { name: 'profile', type: 'json' },
  ],
}

/** Which cluster each customer fell in. Only the newest run keeps its members (a run is a few MB per 100k). */
export const CLUSTER_MEMBERS: TableDef = {
  name: 'cluster_members',
  shardKey: 'customer_id',
  columns: [
    { name: 'run_id', type: 'text', nullable: false },
    { name: 'customer_id', type: 'text', nullable: false },
    { name: 'cluster', type: 'integer', nullable: false },
  ],
}

/** Hand-written buyer personas (ideal customer profiles): a segment-language definition and a description. */
export const BUYER_PERSONAS: TableDef = {
  name: 'buyer_personas',
  key: ['name'],
  columns: [
    { name: 'name', type: 'text', nullable: false },
    { name: 'definition', type: 'text', nullable: false },
    { name: 'description', type: 'text' },
    { name: 'created_at', type: 'timestamp', nullable: false },
  ],
}

registerMigration({
  version: 71,
  name: 'automatic clusters',
  up: (d) => [CLUSTER_RUNS, CLUSTERS, CLUSTER_MEMBERS].flatMap((t) => d.createTable(t)),
})

registerMigration({
  version: 72,
  name: 'buyer personas',
  up: (d) => d.createTable(BUYER_PERSONAS),
})
