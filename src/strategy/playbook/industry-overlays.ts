import type { Lang } from '../../i18n/locale.js'
import type { Intent, OverlayText } from './playbook-types.js'

type Overlay = Readonly<Record<Intent, Readonly<Record<Lang, OverlayText>>>>

/**
 * 社群团购 (social group-buying): the community group and its leader (团长) are the channel. Which group a
 * customer is invited to comes from their orders' `community_id` (see community-invitations.ts).
 */
export const SOCIAL_OVERLAY: Overlay = {
  acquire: {
    en: {
      actions: [
        'Invite them into the community group of their neighbourhood (the most active community in their city)',
        'The group leader welcomes them by name and pins the group rules, pick-up point and times',
        'Offer a low-priced "hook" item in the daily group order (eggs, fruit) to get the first order',
      ],
      offer: 'Newcomer group deal: one hook item at ¥1–9.9 on the first group order.',
      channel: 'WeChat community group through the leader (团长), group-buy mini-program.',
      kpi: 'Group join rate, first group order within 7 days, cost per acquired member.',
    },
    'zh-CN': {
      actions: [
        '邀请进入其所在小区的社群(所在城市最活跃的社群)',
        '团长点名欢迎,置顶群规、自提点和取货时间',
        '在每日接龙里放一个低价引流品(鸡蛋、水果)促成首单',
      ],
      offer: '新人团:首单一件引流品 ¥1–9.9。',
      channel: '团长运营的微信社群、社区团购小程序。',
      kpi: '入群率、7 天内首单率、获客成本。',
    },
    'zh-TW': {
      actions: [
        '邀請加入其所在社區的團購群(所在城市最活躍的社群)',
        '團主點名歡迎,置頂群規、取貨點與取貨時間',
        '在每日接龍裡放一個低價引流品(雞蛋、水果)促成首單',
      ],
      offer: '新人團:首單一件引流品 NT$5–39。',
      channel: '團主經營的 LINE / 微信社群、社區團購小程式。',
      kpi: '入群率、7 天內首單率、獲客成本。',
    },
  },
  onboard: {
    en: {
      actions: [
        'The leader follows up after the first pick-up: "how was the fruit?" in a private message',
        'Point them to the daily group-order list (接龙) and the next flash deal',
        'Pair them with a group-buy that needs three people (拼团) so they bring a neighbour',
      ],
      offer: 'Second group order coupon (¥5 off ¥29) and a free item at the pick-up point.',
      channel: 'Leader private message, the community group, mini-program.',
      kpi: 'Second group order within 14 days, members brought by new members.',
    },
    'zh-CN': {
      actions: [
        '首次自提后团长私聊回访:"水果还满意吗?"',
        '引导查看每日接龙和下一场秒杀',
        '推荐需要三人成团的拼团,让他们带上邻居',
      ],
      offer: '第二单团购券(满 ¥29 减 ¥5),自提点领取小礼品。',
      channel: '团长私聊、社群、小程序。',
      kpi: '14 天内第二单团购率、新人带来的新成员数。',
    },
    'zh-TW': {
      actions: [
        '首次取貨後團主私訊回訪:「水果還滿意嗎?」',
        '引導查看每日接龍和下一場限時搶購',
        '推薦需三人成團的拼團,讓他們揪鄰居一起',
      ],
      offer: '第二單團購折價券(滿 NT$120 折 NT$20),取貨點領取小禮物。',
      channel: '團主私訊、社群、小程式。',
      kpi: '14 天內第二單團購率、新人帶來的新成員數。',
    },
  },
  reward: {
    en: {
      actions: [
        'Invite them into the core members group (核心群) with first pick of flash deals and new products',
        'Recruit the most active ones as leader candidates or pick-up point hosts',
        'Ask them to post photo reviews in the group (晒单); feature the best ones',
      ],
      offer:
        'Member-only flash deals, free items for photo reviews, ¥10 per neighbour they bring who orders.',
      channel: 'Core WeChat group, one-to-one from the leader.',
      kpi: 'Members referred, share of group GMV, leader candidates recruited.',
    },
    'zh-CN': {
      actions: [
        '邀请进入核心群,秒杀和新品优先抢',
        '从最活跃者中招募团长候选人或自提点站长',
        '邀请在群里晒单,优秀晒单置顶展示',
      ],
      offer: '核心群专享秒杀、晒单送商品、每带来一位下单邻居奖励 ¥10。',
      channel: '核心微信群、团长一对一私聊。',
      kpi: '推荐新成员数、占社群 GMV 的比例、招募到的团长候选人数。',
    },
    'zh-TW': {
      actions: [
        '邀請加入核心群,限時搶購與新品優先搶',
        '從最活躍者中招募團主候選人或取貨點站長',
        '邀請在群裡分享開箱,優秀分享置頂展示',
      ],
      offer: '核心群專屬搶購、分享開箱送商品、每帶來一位下單鄰居獎勵 NT$40。',
      channel: '核心社群、團主一對一私訊。',
      kpi: '推薦新成員數、占社群 GMV 的比例、招募到的團主候選人數。',
    },
  },
  grow: {
    en: {
      actions: [
        'Invite them into theme groups matching their top categories (mother-and-baby, fresh food, snacks)',
        'Put complements of what they buy into the group order list (接龙) with bundle prices',
        'Offer a three-person group deal (拼团) on a category they have not bought yet',
      ],
      offer: 'Group-deal price when three members join; bundle price on the group order list.',
      channel: 'Theme community groups, group-buy mini-program.',
      kpi: 'Group orders per member, categories per member, move-up to the core group.',
    },
    'zh-CN': {
      actions: [
        '按其偏好品类邀请进入主题群(母婴群、生鲜群、零食群)',
        '把与其常购商品搭配的商品放进接龙,给组合价',
        '在其未买过的品类发起三人拼团',
      ],
      offer: '三人成团价;接龙组合价。',
      channel: '主题社群、社区团购小程序。',
      kpi: '人均团购单数、人均品类数、晋升核心群的比例。',
    },
    'zh-TW': {
      actions: [
        '依其偏好品類邀請加入主題群(母嬰群、生鮮群、零食群)',
        '把與其常購商品搭配的商品放進接龍,給組合價',
        '在其未買過的品類發起三人拼團',
      ],
      offer: '三人成團價;接龍組合價。',
      channel: '主題社群、社區團購小程式。',
      kpi: '人均團購單數、人均品類數、晉升核心群的比例。',
    },
  },
  rescue: {
    en: {
      actions: [
        'The leader of the community they ordered from most sends a private message with the items they used to buy',
        'If that group has gone quiet, invite them to the most active community in their city',
        'Pay the leader a bonus for each sleeping member who orders again',
      ],
      offer: 'Comeback group coupon (¥10 off ¥39, 7 days); leader bonus ¥10 per reactivated member.',
      channel: 'Leader private message, community group.',
      kpi: 'Reactivated members per leader, group reactivation rate.',
    },
    'zh-CN': {
      actions: [
        '由其下单最多的社群团长私聊,推送他们以前常买的商品',
        '若原社群已不活跃,邀请进入所在城市最活跃的社群',
        '每唤回一位沉睡成员,给团长奖励',
      ],
      offer: '回归团购券(满 ¥39 减 ¥10,7 天有效);团长每唤回一人奖励 ¥10。',
      channel: '团长私聊、社群。',
      kpi: '每位团长唤回人数、社群激活率。',
    },
    'zh-TW': {
      actions: [
        '由其下單最多的社群團主私訊,推薦他們以前常買的商品',
        '若原社群已不活躍,邀請加入所在城市最活躍的社群',
        '每喚回一位沉睡成員,給團主獎勵',
      ],
      offer: '回歸團購折價券(滿 NT$160 折 NT$40,7 天有效);團主每喚回一人獎勵 NT$40。',
      channel: '團主私訊、社群。',
      kpi: '每位團主喚回人數、社群回流率。',
    },
  },
  winback: {
    en: {
      actions: [
        'Keep them only in the city-wide flash-deal group; no leader time spent on them',
        'Reach them at big promotions with one-yuan deals',
        'Remove inactive members from small groups to keep the groups lively',
      ],
      offer: 'One-yuan flash deals at major promotions only.',
      channel: 'City-wide flash-deal group, SMS at big promotions.',
      kpi: 'Reactivation per promotion, group activity rate after clean-up.',
    },
    'zh-CN': {
      actions: [
        '只保留在全城秒杀群,不占用团长精力',
        '大促时用一元秒杀触达',
        '从小社群中清理长期不活跃成员,保持社群活跃度',
      ],
      offer: '仅大促时的一元秒杀。',
      channel: '全城秒杀群、大促短信。',
      kpi: '每次大促的激活数、清理后社群活跃率。',
    },
    'zh-TW': {
      actions: [
        '只保留在全市限時搶購群,不占用團主心力',
        '大檔期時用一元搶購接觸',
        '從小社群中清理長期不活躍成員,保持社群活躍度',
      ],
      offer: '僅大檔期的一元搶購。',
      channel: '全市搶購群、大檔期簡訊。',
      kpi: '每次檔期的喚回數、清理後社群活躍率。',
    },
  },
}

/** Banks and wealth managers: tiers by assets under management, relationship managers as the channel. */
export const FINANCE_OVERLAY: Overlay = {
  acquire: {
    en: {
      actions: [
        'Complete account activation and the risk-profile questionnaire in the app',
        'Offer a first product matched to their risk profile (money-market fund, term deposit)',
        'Follow up incomplete applications within 48 hours',
      ],
      offer: 'New-customer deposit rate bonus or a waived subscription fee on the first fund.',
      channel: 'Mobile banking app, branch, outbound call where consented.',
      kpi: 'Account activation rate, first product within 30 days.',
    },
    'zh-CN': {
      actions: [
        '在 App 内完成账户激活和风险测评',
        '推荐与其风险等级匹配的首个产品(货币基金、定期存款)',
        '48 小时内跟进未完成的申请',
      ],
      offer: '新客存款加息券或首只基金免申购费。',
      channel: '手机银行 App、网点,已授权者电话外呼。',
      kpi: '账户激活率、30 天内首个产品持有率。',
    },
    'zh-TW': {
      actions: [
        '在 App 內完成帳戶啟用與風險屬性評估',
        '推薦與其風險等級相符的第一個商品(貨幣基金、定存)',
        '48 小時內追蹤未完成的申請',
      ],
      offer: '新戶存款加碼利率或首檔基金免申購手續費。',
      channel: '行動銀行 App、分行,已同意者電話聯繫。',
      kpi: '帳戶啟用率、30 天內持有首個商品比例。',
    },
  },
  onboard: {
    en: {
      actions: [
        'A welcome call from a relationship manager within 7 days',
        'Set up salary credit, automatic bill payment or a regular investment plan',
        'Explain the asset tiers and what the next tier unlocks',
      ],
      offer: 'Fee waiver on the first regular investment plan; rate bonus for salary credit.',
      channel: 'Relationship manager call, app.',
      kpi: 'Products per customer after 90 days, assets growth in 90 days.',
    },
    'zh-CN': {
      actions: ['7 天内客户经理致电欢迎', '开通代发工资、自动缴费或基金定投', '讲解资产等级及下一等级的权益'],
      offer: '首个定投计划免手续费;代发工资客户存款加息。',
      channel: '客户经理电话、App。',
      kpi: '90 天人均持有产品数、90 天资产增长。',
    },
    'zh-TW': {
      actions: ['7 天內理專致電歡迎', '開通薪轉、自動扣繳或基金定期定額', '說明資產等級與下一等級的權益'],
      offer: '首個定期定額免手續費;薪轉戶存款加碼。',
      channel: '理專電話、App。',
      kpi: '90 天人均持有商品數、90 天資產成長。',
    },
  },
  reward: {
    en: {
      actions: [
        'Assign a dedicated relationship manager and an annual portfolio review',
        'Invite to private-banking events (market outlook, tax and succession planning)',
        'Offer family accounts so household assets are recognised together',
      ],
      offer: 'Preferential rates and fees by asset tier, airport lounge and health-check privileges.',
      channel: 'Relationship manager one-to-one, private events.',
      kpi: 'Assets retained, share of wallet, NPS of top-tier clients.',
    },
    'zh-CN': {
      actions: [
        '配备专属客户经理,每年一次资产检视',
        '邀请参加私行活动(市场展望、税务与传承规划)',
        '开通家庭账户,家庭资产合并认定等级',
      ],
      offer: '按资产等级的优惠利率与费率、机场贵宾厅和体检权益。',
      channel: '客户经理一对一、私享活动。',
      kpi: '资产留存、钱包份额、高等级客户 NPS。',
    },
    'zh-TW': {
      actions: [
        '配置專屬理專,每年一次資產健檢',
        '邀請參加私人銀行活動(市場展望、稅務與傳承規劃)',
        '開通家庭帳戶,家庭資產合併認定等級',
      ],
      offer: '依資產等級的優惠利率與費率、機場貴賓室與健檢權益。',
      channel: '理專一對一、專屬活動。',
      kpi: '資產留存、錢包占有率、高等級客戶 NPS。',
    },
  },
  grow: {
    en: {
      actions: [
        'Needs-based review: protection (insurance), pension, education savings',
        'Show the assets needed to reach the next tier and what it unlocks',
        'Move idle current-account balances into suitable products',
      ],
      offer: 'Rate bonus when assets reach the next tier within 90 days.',
      channel: 'App, relationship manager call.',
      kpi: 'Products per customer, customers moving up an asset tier.',
    },
    'zh-CN': {
      actions: [
        '基于需求的检视:保障(保险)、养老、教育金',
        '展示升入下一资产等级所需金额及权益',
        '把活期闲置资金配置到合适产品',
      ],
      offer: '90 天内资产升级即享加息。',
      channel: 'App、客户经理电话。',
      kpi: '人均产品数、资产等级晋升人数。',
    },
    'zh-TW': {
      actions: [
        '依需求檢視:保障(保險)、退休、子女教育金',
        '顯示升入下一資產等級所需金額與權益',
        '把活存閒置資金配置到合適商品',
      ],
      offer: '90 天內資產升級即享加碼利率。',
      channel: 'App、理專電話。',
      kpi: '人均商品數、資產等級晉升人數。',
    },
  },
  rescue: {
    en: {
      actions: [
        'Relationship manager call when assets fall or there is no transaction for two usual intervals',
        'Contact them before term deposits and products mature, with a reinvestment proposal',
        'Ask about dissatisfaction (fees, service, returns) and escalate complaints',
      ],
      offer: 'Reinvestment rate bonus at maturity; fee refund on the next fund switch.',
      channel: 'Relationship manager call, app message.',
      kpi: 'Assets outflow prevented, retention at maturity.',
    },
    'zh-CN': {
      actions: [
        '资产下降或两个常规周期无交易时,客户经理致电',
        '定期和理财到期前联系,提供续作方案',
        '询问不满(费用、服务、收益),投诉升级处理',
      ],
      offer: '到期续作加息;下次基金转换返还手续费。',
      channel: '客户经理电话、App 消息。',
      kpi: '阻止的资产流出、到期留存率。',
    },
    'zh-TW': {
      actions: [
        '資產下降或兩個常態週期無交易時,理專致電',
        '定存與商品到期前聯繫,提供續作方案',
        '詢問不滿(費用、服務、報酬),客訴升級處理',
      ],
      offer: '到期續作加碼利率;下次基金轉換退還手續費。',
      channel: '理專電話、App 訊息。',
      kpi: '阻止的資產流出、到期留存率。',
    },
  },
  winback: {
    en: {
      actions: [
        'Send the dormant-account notice the regulator requires and offer reactivation in the app',
        'Digital-only campaigns; no relationship manager time',
        'Close or downgrade empty accounts to cut servicing cost',
      ],
      offer: 'Small reactivation reward (e.g. points or a cash-back on the first card payment).',
      channel: 'App message, SMS, mail.',
      kpi: 'Dormant accounts reactivated, servicing cost saved.',
    },
    'zh-CN': {
      actions: [
        '按监管要求发送久悬账户通知,并引导在 App 内激活',
        '仅做线上活动,不占用客户经理时间',
        '对空账户销户或降级,降低服务成本',
      ],
      offer: '小额激活奖励(积分或首笔刷卡返现)。',
      channel: 'App 消息、短信、信函。',
      kpi: '激活的休眠账户数、节省的服务成本。',
    },
    'zh-TW': {
      actions: [
        '依法規寄發靜止戶通知,並引導在 App 內重新啟用',
        '僅做數位活動,不占用理專時間',
        '對空帳戶結清或降級,降低服務成本',
      ],
      offer: '小額啟用獎勵(點數或首筆刷卡回饋)。',
      channel: 'App 訊息、簡訊、信函。',
      kpi: '重新啟用的靜止戶數、節省的服務成本。',
    },
  },
}

/** Clinics and health services: visits, not orders; messages never mention a diagnosis. */
export const HEALTHCARE_OVERLAY: Overlay = {
  acquire: {
    en: {
      actions: [
        'Offer a free first consultation or basic health check booking online',
        'Confirm the booking and send a reminder the day before to reduce no-shows',
        'Share doctor profiles and opening hours of the nearest clinic',
      ],
      offer: 'First-visit package (consultation + basic check) at an introductory price.',
      channel: 'WeChat booking / mini-program, SMS reminders.',
      kpi: 'Booking-to-visit rate, first visits per month.',
    },
    'zh-CN': {
      actions: [
        '提供线上预约免费首诊或基础体检',
        '确认预约并提前一天提醒,降低爽约率',
        '展示最近门诊的医生介绍和出诊时间',
      ],
      offer: '首诊套餐(问诊 + 基础检查)体验价。',
      channel: '微信预约 / 小程序、短信提醒。',
      kpi: '预约到诊率、每月首诊人数。',
    },
    'zh-TW': {
      actions: [
        '提供線上預約免費初診或基礎健檢',
        '確認預約並前一天提醒,降低爽約率',
        '展示最近診所的醫師介紹與門診時間',
      ],
      offer: '初診套餐(問診 + 基礎檢查)體驗價。',
      channel: 'LINE / 小程式預約、簡訊提醒。',
      kpi: '預約到診率、每月初診人數。',
    },
  },
  onboard: {
    en: {
      actions: [
        'Follow-up message or call within 48 hours of the first visit',
        'Book the follow-up or next check before they leave the clinic',
        'Explain the membership and family plan',
      ],
      offer: 'Free follow-up consultation within 30 days.',
      channel: 'Phone or WeChat from the clinic nurse, SMS reminders.',
      kpi: 'Return-visit rate within the care interval.',
    },
    'zh-CN': {
      actions: ['首诊后 48 小时内回访(消息或电话)', '离院前预约复诊或下次检查', '介绍会员和家庭套餐'],
      offer: '30 天内免费复诊一次。',
      channel: '护士电话或企业微信、短信提醒。',
      kpi: '护理周期内的复诊率。',
    },
    'zh-TW': {
      actions: ['初診後 48 小時內回訪(訊息或電話)', '離院前預約回診或下次檢查', '介紹會員與家庭方案'],
      offer: '30 天內免費回診一次。',
      channel: '護理師電話或訊息、簡訊提醒。',
      kpi: '照護週期內的回診率。',
    },
  },
  reward: {
    en: {
      actions: [
        'Offer an annual health-management membership with a family doctor',
        'Priority booking and a direct line to their doctor',
        'Extend to family members with a family package',
      ],
      offer: 'Annual membership with scheduled checks included; family package price.',
      channel: 'Family doctor one-to-one, member events (health talks).',
      kpi: 'Membership renewal, visits per patient per year, NPS.',
    },
    'zh-CN': {
      actions: ['提供含家庭医生的年度健康管理会员', '优先预约和医生直联通道', '以家庭套餐覆盖家庭成员'],
      offer: '含定期检查的年度会员;家庭套餐价。',
      channel: '家庭医生一对一、会员活动(健康讲座)。',
      kpi: '会员续费率、人均年就诊次数、NPS。',
    },
    'zh-TW': {
      actions: ['提供含家庭醫師的年度健康管理會員', '優先預約與醫師直聯管道', '以家庭方案涵蓋家庭成員'],
      offer: '含定期檢查的年度會員;家庭方案價。',
      channel: '家庭醫師一對一、會員活動(健康講座)。',
      kpi: '會員續約率、每人每年就診次數、NPS。',
    },
  },
  grow: {
    en: {
      actions: [
        'Preventive-care reminders based on age and the type of their last visit (dental cleaning, eye exam, vaccination)',
        'Suggest complementary services of the same clinic',
        'Invite them to enrol family members',
      ],
      offer: 'Check-up package discount; second family member at half price.',
      channel: 'SMS and WeChat reminders, app.',
      kpi: 'Visits per patient, services per patient.',
    },
    'zh-CN': {
      actions: [
        '按年龄和上次就诊类型发送预防保健提醒(洗牙、眼科检查、疫苗)',
        '推荐本院的相关服务',
        '邀请为家人建档',
      ],
      offer: '体检套餐优惠;第二位家庭成员半价。',
      channel: '短信和微信提醒、App。',
      kpi: '人均就诊次数、人均服务项目数。',
    },
    'zh-TW': {
      actions: [
        '依年齡與上次就診類型寄送預防保健提醒(洗牙、眼科檢查、疫苗)',
        '推薦本院相關服務',
        '邀請為家人建檔',
      ],
      offer: '健檢套餐優惠;第二位家庭成員半價。',
      channel: '簡訊與訊息提醒、App。',
      kpi: '人均就診次數、人均服務項目數。',
    },
  },
  rescue: {
    en: {
      actions: [
        'Recall patients overdue for their check-up (past twice their usual visit interval)',
        'A follow-up call from their doctor or nurse',
        'Offer evening and weekend slots if time was the obstacle',
      ],
      offer: 'Recall appointment with priority slot; no extra fee for rebooking.',
      channel: 'Phone, SMS, WeChat.',
      kpi: 'Recall show-up rate, overdue patients brought back.',
    },
    'zh-CN': {
      actions: [
        '召回超过复查时间的患者(超过其平常就诊间隔两倍)',
        '由其医生或护士电话回访',
        '若时间是障碍,提供晚间和周末号源',
      ],
      offer: '召回预约优先号源;改约不另收费。',
      channel: '电话、短信、微信。',
      kpi: '召回到诊率、召回的逾期患者数。',
    },
    'zh-TW': {
      actions: [
        '召回超過回診時間的患者(超過其平常就診間隔兩倍)',
        '由其醫師或護理師電話回訪',
        '若時間是障礙,提供晚間與週末時段',
      ],
      offer: '召回預約優先時段;改約不另收費。',
      channel: '電話、簡訊、訊息。',
      kpi: '召回到診率、召回的逾期患者數。',
    },
  },
  winback: {
    en: {
      actions: [
        'Send the annual check-up reminder only',
        'Ask a sample why they stopped coming (moved, cost, experience)',
        'Keep records updated; no further outreach',
      ],
      offer: 'Standard annual check-up package.',
      channel: 'SMS or mail once a year.',
      kpi: 'Annual reminder response rate, reasons collected.',
    },
    'zh-CN': {
      actions: ['只发送年度体检提醒', '抽样询问不再就诊的原因(搬家、费用、体验)', '更新档案;不再额外触达'],
      offer: '标准年度体检套餐。',
      channel: '每年一次短信或信函。',
      kpi: '年度提醒回应率、收集到的原因。',
    },
    'zh-TW': {
      actions: [
        '只寄送年度健檢提醒',
        '抽樣詢問不再就診的原因(搬家、費用、體驗)',
        '更新病歷資料;不再額外接觸',
      ],
      offer: '標準年度健檢套餐。',
      channel: '每年一次簡訊或信函。',
      kpi: '年度提醒回覆率、蒐集到的原因。',
    },
  },
}
