import type { PlaybookContent } from './playbook-types.js'

/**
 * The shipped playbook for each of the 11 RFM segments (retail wording; the industry presets replace the
 * actions, offer, channel and KPI). Offers are sized to the segment's worth: no discount for Champions
 * (they buy anyway), the deepest one for Cannot Lose Them (each is worth many ordinary customers), none
 * beyond seasonal promotions for Hibernating and Lost (the cost rarely comes back).
 */
export const RFM_PLAYBOOKS: Readonly<Record<string, PlaybookContent>> = {
  Champions: {
    en: {
      goal: 'Keep your best customers feeling recognised, protect their share of revenue and turn them into advocates.',
      actions: [
        'Move them to the top membership tier (VIP) with early access to new arrivals and limited editions',
        'Give each a personal referral code worth a gift for both sides; ask for reviews and photos after delivery',
        'Have their store advisor send a personal thank-you after large orders (no template wording)',
      ],
      offer:
        'No price discounts: exclusive perks instead — early access, free express delivery, members-only gifts, double points on new arrivals.',
      channel: 'One-to-one WeChat from their advisor, app push; invitations to in-store member events.',
      cadence: 'Every 2–3 weeks, timed after each purchase; at most one promotional message a week.',
      kpi: '90-day repeat-purchase rate, their share of revenue, referrals per customer, unsubscribe rate.',
    },
    'zh-CN': {
      goal: '让最好的客户感到被重视,守住他们贡献的收入份额,并把他们变成品牌的推荐者。',
      actions: [
        '升入最高会员等级(VIP),新品和限量款优先购',
        '为每人生成专属推荐码,推荐成功双方各得礼品;收货后邀请晒单和评价',
        '大额订单后由门店专属顾问发送亲笔式感谢(不用模板话术)',
      ],
      offer: '不打价格折扣,给专属权益:新品抢先购、免费顺丰、会员专享礼、新品双倍积分。',
      channel: '专属顾问企业微信一对一、App 推送;邀请参加门店会员活动。',
      cadence: '每 2–3 周一次,跟随每次购买触发;促销类消息每周最多一条。',
      kpi: '90 天复购率、冠军客户收入占比、人均推荐数、退订率。',
    },
    'zh-TW': {
      goal: '讓最好的客戶感到被重視,守住他們貢獻的營收比重,並把他們變成品牌的推薦者。',
      actions: [
        '升入最高會員等級(VIP),新品與限量款優先購',
        '為每人產生專屬推薦碼,推薦成功雙方各得贈品;到貨後邀請分享開箱與評價',
        '大額訂單後由門市專屬顧問發送親筆式感謝(不用制式話術)',
      ],
      offer: '不打價格折扣,改給專屬權益:新品搶先購、免運快遞、會員專屬贈品、新品雙倍點數。',
      channel: '專屬顧問 LINE/企業微信一對一、App 推播;邀請參加門市會員活動。',
      cadence: '每 2–3 週一次,隨每次購買觸發;促銷訊息每週最多一則。',
      kpi: '90 天回購率、冠軍客戶營收占比、人均推薦數、取消訂閱率。',
    },
  },
  Loyal: {
    en: {
      goal: 'Raise basket size and widen the categories of customers who already buy often.',
      actions: [
        'Cross-sell from their top categories into adjacent ones (strata recommend customer ID lists the products)',
        'Offer premium versions and bundles of what they buy most',
        'Show their progress to the next membership tier with a concrete spend target',
      ],
      offer:
        'Spend-threshold coupons just above their average order (e.g. ¥30 off ¥199 when they usually spend ¥150), bundle prices, points multipliers.',
      channel: 'App push, WeChat official account / mini-program, email.',
      cadence: 'Weekly content, an offer every two weeks.',
      kpi: 'Average order value, categories bought per customer, share promoted to Champions.',
    },
    'zh-CN': {
      goal: '提高已经经常购买的客户的客单价,并拓宽他们购买的品类。',
      actions: [
        '从他们最常买的品类交叉销售到相邻品类(strata recommend customer ID 给出具体商品)',
        '推荐他们常买商品的高端款和组合装',
        '展示距离下一会员等级还差多少消费,目标具体可见',
      ],
      offer: '门槛略高于其平均客单价的满减券(如平时花 ¥150,发满 ¥199 减 ¥30)、组合价、积分加倍。',
      channel: 'App 推送、微信公众号 / 小程序、邮件。',
      cadence: '每周一次内容,每两周一次优惠。',
      kpi: '客单价、人均购买品类数、升级为冠军客户的比例。',
    },
    'zh-TW': {
      goal: '提高已經常購買客戶的客單價,並擴大他們購買的品類。',
      actions: [
        '從他們最常買的品類交叉銷售到相鄰品類(strata recommend customer ID 列出具體商品)',
        '推薦他們常買商品的高階款與組合包',
        '顯示距離下一會員等級還差多少消費,目標具體可見',
      ],
      offer: '門檻略高於其平均客單價的滿額折抵券(如平時花 NT$600,發滿 NT$800 折 NT$120)、組合價、點數加倍。',
      channel: 'App 推播、LINE 官方帳號 / 小程式、電子郵件。',
      cadence: '每週一次內容,每兩週一次優惠。',
      kpi: '客單價、人均購買品類數、升級為冠軍客戶的比例。',
    },
  },
  'Potential Loyalist': {
    en: {
      goal: 'Turn recent, moderately frequent buyers into habitual ones.',
      actions: [
        'Invite them into the membership programme with a welcome points bonus',
        'Recommend products frequently bought together with their recent purchases',
        'Run an order-streak challenge: two more orders within 30 days earn a reward',
      ],
      offer:
        'Order-streak reward (3 orders in 30 days → ¥20 coupon); free-shipping threshold just above their average order.',
      channel: 'App push, SMS, mini-program.',
      cadence: 'Weekly for 4–6 weeks, then every two weeks.',
      kpi: 'Orders per customer in 60 days, share moving up to Loyal or Champions.',
    },
    'zh-CN': {
      goal: '把最近购买、频次中等的客户培养成习惯性购买者。',
      actions: [
        '邀请加入会员,入会送积分',
        '推荐与其近期购买商品经常一起购买的商品',
        '发起连续下单挑战:30 天内再下 2 单即得奖励',
      ],
      offer: '连续下单奖励(30 天内 3 单送 ¥20 券);包邮门槛设在其客单价略上方。',
      channel: 'App 推送、短信、小程序。',
      cadence: '前 4–6 周每周一次,之后每两周一次。',
      kpi: '60 天人均订单数、升级为忠诚或冠军客户的比例。',
    },
    'zh-TW': {
      goal: '把近期購買、頻率中等的客戶培養成習慣性購買者。',
      actions: [
        '邀請加入會員,入會送點數',
        '推薦與其近期購買商品經常一起購買的商品',
        '發起連續下單挑戰:30 天內再下 2 單即得獎勵',
      ],
      offer: '連續下單獎勵(30 天內 3 單送 NT$80 折價券);免運門檻設在其客單價略上方。',
      channel: 'App 推播、簡訊、小程式。',
      cadence: '前 4–6 週每週一次,之後每兩週一次。',
      kpi: '60 天人均訂單數、升級為忠誠或冠軍客戶的比例。',
    },
  },
  'New Customers': {
    en: {
      goal: 'Make the second purchase happen soon: most customers are lost between the first and the second order.',
      actions: [
        'Welcome series: day 0 thank-you and how-to, day 3 best sellers of the category they bought, day 10 a second-order coupon',
        'Ask one question about the first purchase (delivery, quality) and fix what they report',
        'Explain membership benefits and how points work',
      ],
      offer: 'Second-order coupon valid 14 days (e.g. ¥15 off ¥99) or free shipping on the second order.',
      channel: 'SMS and app push; email when known.',
      cadence: 'Three touches in the first 14 days, then the regular newsletter.',
      kpi: 'Second-purchase rate within 30 days, days to the second order.',
    },
    'zh-CN': {
      goal: '尽快促成第二次购买:大多数客户流失在第一单和第二单之间。',
      actions: [
        '新客欢迎旅程:第 0 天致谢和使用指南,第 3 天推送所购品类的热销品,第 10 天发放二单券',
        '用一个问题询问首单体验(配送、品质),并解决反馈的问题',
        '介绍会员权益和积分规则',
      ],
      offer: '14 天有效的二单券(如满 ¥99 减 ¥15)或第二单包邮。',
      channel: '短信和 App 推送;有邮箱的发邮件。',
      cadence: '首 14 天内触达 3 次,之后进入常规推送。',
      kpi: '30 天内二次购买率、首单到二单的天数。',
    },
    'zh-TW': {
      goal: '盡快促成第二次購買:大多數客戶流失在第一單和第二單之間。',
      actions: [
        '新客歡迎旅程:第 0 天致謝與使用指南,第 3 天推播所購品類熱銷品,第 10 天發放第二單折價券',
        '用一個問題詢問首單體驗(配送、品質),並處理回饋的問題',
        '介紹會員權益與點數規則',
      ],
      offer: '14 天有效的第二單折價券(如滿 NT$400 折 NT$60)或第二單免運。',
      channel: '簡訊與 App 推播;有電子郵件者寄信。',
      cadence: '前 14 天內接觸 3 次,之後進入常態推播。',
      kpi: '30 天內二次購買率、首單到第二單的天數。',
    },
  },
  Promising: {
    en: {
      goal: 'Build frequency: they bought recently and spent well, but rarely.',
      actions: [
        'Recommend refills of what they bought and products that complement their last order',
        'Offer subscribe-and-save for consumables they buy (milk, rice, tissues, diapers)',
        'Send short how-to content for their products to keep the brand in mind',
      ],
      offer: 'Free sample of a complementary product with the next order; 5–10% off subscriptions.',
      channel: 'App push, mini-program, email.',
      cadence: 'Every two weeks.',
      kpi: 'Second and third purchase rate in 60 days, F score.',
    },
    'zh-CN': {
      goal: '提升购买频次:他们最近买过且花得不少,但买得少。',
      actions: [
        '推荐所购商品的补货提醒和与上一单搭配的商品',
        '为常购消耗品(牛奶、大米、纸巾、纸尿裤)提供订阅省',
        '推送所购商品的简短使用内容,保持品牌存在感',
      ],
      offer: '下一单赠送搭配商品试用装;订阅立减 5–10%。',
      channel: 'App 推送、小程序、邮件。',
      cadence: '每两周一次。',
      kpi: '60 天内第二、三次购买率,F 分。',
    },
    'zh-TW': {
      goal: '提升購買頻率:他們最近買過且花費不少,但買得少。',
      actions: [
        '推播所購商品的補貨提醒與搭配上一單的商品',
        '為常購消耗品(牛奶、白米、衛生紙、尿布)提供定期購優惠',
        '推送所購商品的簡短使用內容,維持品牌存在感',
      ],
      offer: '下一單加贈搭配商品試用包;定期購立減 5–10%。',
      channel: 'App 推播、小程式、電子郵件。',
      cadence: '每兩週一次。',
      kpi: '60 天內第二、三次購買率,F 分數。',
    },
  },
  'Need Attention': {
    en: {
      goal: 'Re-engage above-average customers whose recency has started to slip, before they drift away.',
      actions: [
        'Send a "picked for you" selection from their favourite categories',
        'Make a time-limited offer on the category they used to buy most',
        'Send a short satisfaction / NPS survey to catch a service problem',
      ],
      offer: 'A 7-day coupon on their favourite category, about 10% off.',
      channel: 'App push, SMS, email.',
      cadence: 'Two touches in two weeks, then watch their next order.',
      kpi: '30-day reactivation rate, recency days, NPS of responders.',
    },
    'zh-CN': {
      goal: '重新激活最近购买间隔开始拉长的中上价值客户,在他们流失之前。',
      actions: [
        '推送基于其偏好品类的"为你精选"',
        '针对其最常买的品类做限时优惠',
        '发送简短满意度 / NPS 调查,发现服务问题',
      ],
      offer: '7 天有效的偏好品类券,约 9 折。',
      channel: 'App 推送、短信、邮件。',
      cadence: '两周内触达两次,之后观察下一单。',
      kpi: '30 天激活率、最近购买天数、回应者 NPS。',
    },
    'zh-TW': {
      goal: '在流失之前,重新喚回購買間隔開始拉長的中上價值客戶。',
      actions: [
        '推送依其偏好品類的「為你精選」',
        '針對其最常買的品類做限時優惠',
        '寄送簡短滿意度 / NPS 問卷,找出服務問題',
      ],
      offer: '7 天有效的偏好品類折價券,約 9 折。',
      channel: 'App 推播、簡訊、電子郵件。',
      cadence: '兩週內接觸兩次,之後觀察下一單。',
      kpi: '30 天回流率、最近購買天數、回覆者 NPS。',
    },
  },
  'About To Sleep': {
    en: {
      goal: 'Wake low-spend customers whose last order is getting old, before they go dormant.',
      actions: [
        'Send best sellers at their usual price level',
        'Remind them of unused points and coupons before they expire',
        'Suggest low-priced entry products to lower the barrier to a new order',
      ],
      offer: 'A small no-threshold coupon (¥5–10) expiring in 7 days; points-expiry reminder.',
      channel: 'SMS, app push.',
      cadence: 'One or two touches over three weeks; stop when there is no response.',
      kpi: 'Reactivation rate, cost per reactivated customer.',
    },
    'zh-CN': {
      goal: '在低消费客户进入休眠前唤醒他们。',
      actions: ['推送其常规价位的热销品', '提醒即将过期的积分和优惠券', '推荐低价入门商品,降低再次下单门槛'],
      offer: '7 天有效的小额无门槛券(¥5–10);积分到期提醒。',
      channel: '短信、App 推送。',
      cadence: '三周内触达一到两次;无回应即停止。',
      kpi: '激活率、每激活一位客户的成本。',
    },
    'zh-TW': {
      goal: '在低消費客戶進入休眠前喚醒他們。',
      actions: ['推播其慣常價位的熱銷品', '提醒即將到期的點數與折價券', '推薦低價入門商品,降低再次下單門檻'],
      offer: '7 天有效的小額無門檻折價券(NT$20–40);點數到期提醒。',
      channel: '簡訊、App 推播。',
      cadence: '三週內接觸一到兩次;無回應即停止。',
      kpi: '回流率、每喚回一位客戶的成本。',
    },
  },
  'At Risk': {
    en: {
      goal: 'Win back valuable customers who bought often and spent a lot but have gone quiet.',
      actions: [
        'Personal outreach: their advisor or store staff asks what changed (call or WeChat message)',
        'Win-back offer on their former favourite category',
        'Show what is new since their last purchase',
      ],
      offer:
        'A meaningful win-back coupon (15–20% off, or ¥50 off ¥299) valid 14 days; their old member tier restored on the returning order.',
      channel: 'Phone or one-to-one WeChat for the highest spenders, SMS and email for the rest.',
      cadence: 'Three touches over four weeks.',
      kpi: 'Win-back rate and revenue recovered against the cost of the offer, measured against a holdout group.',
    },
    'zh-CN': {
      goal: '挽回曾经高频高消费、但已沉默的有价值客户。',
      actions: [
        '人工触达:专属顾问或门店员工电话 / 微信询问发生了什么变化',
        '针对其以往最爱品类的召回优惠',
        '展示自其上次购买以来的新品',
      ],
      offer: '有吸引力的召回券(85 折至 8 折,或满 ¥299 减 ¥50),14 天有效;回归下单即恢复原会员等级。',
      channel: '高消费者电话或企业微信一对一,其余短信加邮件。',
      cadence: '四周内触达三次。',
      kpi: '召回率、挽回收入与优惠成本之比(对照留出组)。',
    },
    'zh-TW': {
      goal: '挽回曾經高頻高消費、但已沉寂的高價值客戶。',
      actions: [
        '人工接觸:專屬顧問或門市人員電話 / LINE 詢問發生了什麼變化',
        '針對其以往最愛品類的召回優惠',
        '展示自其上次購買以來的新品',
      ],
      offer: '有吸引力的召回券(85 折至 8 折,或滿 NT$1,200 折 NT$200),14 天有效;回歸下單即恢復原會員等級。',
      channel: '高消費者電話或一對一訊息,其餘簡訊加電子郵件。',
      cadence: '四週內接觸三次。',
      kpi: '召回率、挽回營收與優惠成本之比(對照保留組)。',
    },
  },
  'Cannot Lose Them': {
    en: {
      goal: 'Recover former top customers at almost any reasonable cost: each is worth many ordinary customers.',
      actions: [
        'A personal call from a senior staff member or store manager to learn why (service issue, moved, competitor)',
        'A comeback package built from their past purchases',
        'Fix what they report and follow up personally',
      ],
      offer:
        'The strongest win-back offer: a gift with purchase plus ¥100 off ¥500, or VIP status reinstated for a year.',
      channel: 'Phone or one-to-one WeChat; a handwritten card or mailed catalogue for the premium ones.',
      cadence: 'Immediately, with follow-ups after one and three weeks.',
      kpi: 'Win-back rate, revenue recovered, reasons for leaving collected.',
    },
    'zh-CN': {
      goal: '不惜合理成本挽回曾经的头部客户:每一位都抵得上许多普通客户。',
      actions: [
        '由资深员工或店长亲自致电,了解原因(服务问题、搬家、转投竞品)',
        '根据其历史购买定制回归礼包',
        '解决反馈的问题并亲自跟进',
      ],
      offer: '最强召回力度:满 ¥500 减 ¥100 加赠礼,或恢复一年 VIP 身份。',
      channel: '电话或企业微信一对一;高端客户寄手写卡片或商品目录。',
      cadence: '立即触达,一周和三周后各跟进一次。',
      kpi: '召回率、挽回收入、收集到的流失原因。',
    },
    'zh-TW': {
      goal: '不惜合理成本挽回過去的頂級客戶:每一位都抵得上許多一般客戶。',
      actions: [
        '由資深同仁或店長親自致電,了解原因(服務問題、搬家、轉向競品)',
        '依其歷史購買量身打造回歸禮包',
        '處理回饋的問題並親自追蹤',
      ],
      offer: '最強召回力道:滿 NT$2,000 折 NT$400 加贈禮,或恢復一年 VIP 身分。',
      channel: '電話或一對一訊息;高端客戶寄手寫卡片或商品型錄。',
      cadence: '立即接觸,一週與三週後各追蹤一次。',
      kpi: '召回率、挽回營收、蒐集到的流失原因。',
    },
  },
  Hibernating: {
    en: {
      goal: 'Reactivate cheaply or let go: low spend, few orders, long ago.',
      actions: [
        'Include them in the big seasonal promotions (618, Double 11, Chinese New Year) instead of individual campaigns',
        'Show best sellers and entry-priced products',
        'Suppress them from regular sends after two unanswered promotions to save cost',
      ],
      offer: 'The general seasonal discount only; no individual incentives.',
      channel: 'Low-cost: SMS during big promotions, email.',
      cadence: 'Only around major promotions, 4–6 times a year.',
      kpi: 'Reactivation rate per message, cost per reactivation, unsubscribe rate.',
    },
    'zh-CN': {
      goal: '低成本激活或放手:消费低、订单少、已很久未购买。',
      actions: [
        '纳入 618、双 11、春节等大促统一触达,不做单独活动',
        '展示热销品和入门价商品',
        '连续两次大促无回应后停止常规推送,节省成本',
      ],
      offer: '仅参与大促通用优惠,不发个人专属激励。',
      channel: '低成本渠道:大促期间短信、邮件。',
      cadence: '仅在大促时触达,每年 4–6 次。',
      kpi: '每条消息的激活率、每次激活成本、退订率。',
    },
    'zh-TW': {
      goal: '低成本喚醒或放手:消費低、訂單少、已很久未購買。',
      actions: [
        '納入雙 11、週年慶、農曆春節等大檔期統一接觸,不做個別活動',
        '展示熱銷品與入門價商品',
        '連續兩次大檔期無回應後停止常態推送,節省成本',
      ],
      offer: '僅參與大檔期通用優惠,不發個人專屬激勵。',
      channel: '低成本管道:大檔期簡訊、電子郵件。',
      cadence: '僅在大檔期接觸,每年 4–6 次。',
      kpi: '每則訊息回流率、每次喚回成本、取消訂閱率。',
    },
  },
  Lost: {
    en: {
      goal: 'Spend as little as possible: one last reactivation attempt, and learn why they left.',
      actions: [
        'Send one "we miss you" message with a two-question survey on why they stopped',
        'Retarget through a hashed ad audience only if the cost per customer is low',
        'Then remove them from regular campaigns',
      ],
      offer: 'One strong one-off offer (e.g. a ¥20 no-threshold coupon), or none.',
      channel: 'Email or SMS once; ad retargeting via hashed audience export.',
      cadence: 'Once, then at most twice a year.',
      kpi: 'Response rate, reasons for leaving, cost saved by suppression.',
    },
    'zh-CN': {
      goal: '尽量少花钱:做最后一次激活尝试,并了解他们离开的原因。',
      actions: [
        '发送一次"好久不见"消息,附两道题的流失原因调查',
        '仅在单客成本低时,通过哈希广告人群包再营销',
        '之后移出常规营销名单',
      ],
      offer: '一次性较强优惠(如 ¥20 无门槛券),或不给优惠。',
      channel: '邮件或短信一次;通过哈希人群包做广告再营销。',
      cadence: '一次,之后每年最多两次。',
      kpi: '回应率、流失原因、停止推送节省的成本。',
    },
    'zh-TW': {
      goal: '盡量少花錢:做最後一次喚回嘗試,並了解他們離開的原因。',
      actions: [
        '寄送一次「好久不見」訊息,附兩題流失原因問卷',
        '僅在單客成本低時,透過雜湊廣告受眾再行銷',
        '之後移出常態行銷名單',
      ],
      offer: '一次性較強優惠(如 NT$80 無門檻折價券),或不給優惠。',
      channel: '電子郵件或簡訊一次;以雜湊受眾名單做廣告再行銷。',
      cadence: '一次,之後每年最多兩次。',
      kpi: '回覆率、流失原因、停止推送省下的成本。',
    },
  },
}
