import { TIME_OF_DAY } from './calendar.js'
import type { Profile } from './customer-profile.js'
import type { RowSink } from './demo-tables.js'
import type { DemoCounts, Purchases } from './order-history.js'
import type { Prng } from './prng.js'
import { positionId, type World } from './world.js'

// Short comments in the customers' own words, by how they rated the shop.
const PROMOTER = [
  '生鲜很新鲜，配送也快，会一直回购',
  '会员价很划算，周末经常来门店',
  '团长服务很贴心，接龙下单很方便',
  '小程序下单方便，半小时就送到了',
  '品质稳定，比别家放心',
  '双11活动力度大，囤了很多日用品',
]
const PASSIVE = [
  '东西不错，就是价格有点贵',
  '优惠券规则太复杂了',
  '有时候缺货，希望补货快一点',
  '配送时间还可以，包装可以再改进',
  '品类挺全，但促销不够多',
]
const DETRACTOR = [
  '配送慢了两次，有点失望',
  '退款处理太慢了',
  '买到的水果不新鲜',
  '客服回复不及时',
  '价格比社区团购贵，不太想再买了',
]

function comment(rng: Prng, nps: number): string {
  return rng.pick(nps >= 9 ? PROMOTER : nps >= 7 ? PASSIVE : DETRACTOR)
}

/** JSON array text of strings (Chinese stays readable: JSON does not require escaping it). */
export function jsonList(items: readonly string[]): string {
  return `[${items.map((s) => `"${s}"`).join(',')}]`
}

/**
 * Survey answers of one customer: an NPS survey after an order (score 0–10 by persona, a 1–5
 * satisfaction score, interests, often a comment), product reviews, and for some prospects an interest
 * survey filled in at signup.
 */
export function writeFeedback(
  world: World,
  rng: Prng,
  p: Profile,
  purchases: Purchases,
  interests: readonly string[],
  sink: RowSink,
  counts: DemoCounts,
): void {
  const prefix = positionId(world, 'DF', p.index)
  let k = 0
  const emit = (
    day: number,
    channel: string,
    score: string | null,
    nps: string | null,
    answers: string | null,
    text: string | null,
  ) => {
    if (day >= world.days) return
    k++
    sink.row('feedback', [
      prefix + String(k),
      p.id,
      world.dayText[day] + TIME_OF_DAY[rng.int(8 * 3600, 23 * 3600)]!,
      channel,
      score,
      nps,
      answers,
      text,
    ])
    counts.feedback++
  }
  if (purchases.count === 0) {
    if (rng.chance(0.1)) {
      emit(
        p.signupDay + rng.int(0, 10),
        'interest_survey',
        null,
        null,
        `{"interests":${jsonList(interests)}}`,
        null,
      )
    }
    return
  }
  if (rng.chance(p.persona.survey)) {
    const day = purchases.days[rng.int(0, purchases.days.length - 1)]! + rng.int(1, 5)
    const [lo, hi] = p.persona.nps
    const nps = rng.int(lo, hi)
    const satisfaction = Math.max(1, Math.min(5, Math.round(1 + nps * 0.4 + 0.5 * rng.normal())))
    const answers = `{"interests":${jsonList(interests)},"would_join_group_buy":${p.communityId !== null || rng.chance(0.3)}}`
    emit(
      day,
      'nps_survey',
      String(satisfaction),
      String(nps),
      answers,
      rng.chance(0.6) ? comment(rng, nps) : null,
    )
  }
  if (rng.chance(0.06 + Math.min(0.2, purchases.count / 200))) {
    const i = rng.int(0, purchases.days.length - 1)
    const nps = rng.int(p.persona.nps[0], p.persona.nps[1])
    const stars = Math.max(1, Math.min(5, Math.round(nps / 2)))
    emit(
      purchases.days[i]! + rng.int(2, 7),
      'order_review',
      String(stars),
      null,
      `{"order_id":"${purchases.orderIds[i]}"}`,
      comment(rng, nps),
    )
  }
}
