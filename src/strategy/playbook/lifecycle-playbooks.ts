import type { PlaybookContent } from './playbook-types.js'

/**
 * The shipped playbook for each lifecycle stage (DESIGN §4). Lifecycle playbooks are about timing (where
 * the customer is in their relationship); the RFM ones about worth. The 360° page shows both, and
 * `playbook for CUSTOMER` picks the one that should act now.
 */
export const LIFECYCLE_PLAYBOOKS: Readonly<Record<string, PlaybookContent>> = {
  Prospect: {
    en: {
      goal: 'Convert people who signed up but never bought into first-time buyers.',
      actions: [
        'Send a new-member first-order gift within a day of sign-up',
        'Show best sellers with ratings and reviews (social proof)',
        'Follow up abandoned carts and recent searches with exactly those products',
      ],
      offer: 'First-order coupon valid 7 days (e.g. ¥20 off ¥99) or free shipping on the first order.',
      channel: 'App push, mini-program, SMS where consented; ad retargeting.',
      cadence: 'Day 1, day 3 and day 7 after sign-up, then monthly.',
      kpi: 'First-purchase conversion within 30 days, cost per acquired customer.',
    },
    'zh-CN': {
      goal: '把已注册但从未购买的人转化为首购客户。',
      actions: [
        '注册后一天内发放新人首单礼',
        '展示带评分和评价的热销品(口碑证明)',
        '针对加购未付款和近期搜索,推送正是那些商品',
      ],
      offer: '7 天有效的首单券(如满 ¥99 减 ¥20)或首单包邮。',
      channel: 'App 推送、小程序,已授权者发短信;广告再营销。',
      cadence: '注册后第 1、3、7 天,之后每月一次。',
      kpi: '30 天首购转化率、获客成本。',
    },
    'zh-TW': {
      goal: '把已註冊但從未購買的人轉化為首購客戶。',
      actions: [
        '註冊後一天內發放新會員首單禮',
        '展示附評分與評價的熱銷品(口碑佐證)',
        '針對加入購物車未結帳與近期搜尋,推播正是那些商品',
      ],
      offer: '7 天有效的首單折價券(如滿 NT$400 折 NT$80)或首單免運。',
      channel: 'App 推播、小程式,已同意者發簡訊;廣告再行銷。',
      cadence: '註冊後第 1、3、7 天,之後每月一次。',
      kpi: '30 天首購轉換率、獲客成本。',
    },
  },
  New: {
    en: {
      goal: 'Onboard first-time buyers so that a second order follows within their first month.',
      actions: [
        'Thank them and confirm delivery; ask one question about the experience',
        'Recommend what others bought together with their first product',
        'Send a second-order incentive timed at the typical repurchase gap for that category',
      ],
      offer: 'Second-order coupon valid 14 days; double points on the second order.',
      channel: 'SMS and app push; email when known.',
      cadence: 'Day 0, day 3 and day 10 after the first order.',
      kpi: 'Share of new customers with a second order within 30 days.',
    },
    'zh-CN': {
      goal: '做好首购客户的新手引导,让第二单在首月内发生。',
      actions: [
        '致谢并确认签收;询问一个体验问题',
        '推荐其他人与其首单商品一起购买的商品',
        '按该品类常见的复购间隔发放二单激励',
      ],
      offer: '14 天有效的二单券;第二单积分翻倍。',
      channel: '短信和 App 推送;有邮箱的发邮件。',
      cadence: '首单后第 0、3、10 天。',
      kpi: '新客 30 天内产生第二单的比例。',
    },
    'zh-TW': {
      goal: '做好首購客戶的新手引導,讓第二單在首月內發生。',
      actions: [
        '致謝並確認收貨;詢問一個體驗問題',
        '推薦其他人與其首單商品一起購買的商品',
        '依該品類常見的回購間隔發放第二單激勵',
      ],
      offer: '14 天有效的第二單折價券;第二單點數加倍。',
      channel: '簡訊與 App 推播;有電子郵件者寄信。',
      cadence: '首單後第 0、3、10 天。',
      kpi: '新客 30 天內產生第二單的比例。',
    },
  },
  Repeat: {
    en: {
      goal: 'Make repeat buying a habit and widen it to more categories.',
      actions: [
        'Enrol them in the points programme and show the next tier',
        'Cross-sell into a second category using frequently-bought-together products',
        'Send replenishment reminders timed on their own purchase interval',
      ],
      offer: 'Points multipliers, bundle prices, a coupon for a first purchase in a new category.',
      channel: 'App push, WeChat official account / mini-program, email.',
      cadence: 'Every 1–2 weeks, aligned with their purchase interval.',
      kpi: 'Purchase frequency, categories per customer, share becoming Loyal.',
    },
    'zh-CN': {
      goal: '让重复购买成为习惯,并扩展到更多品类。',
      actions: [
        '加入积分计划并展示下一等级',
        '用"经常一起买"的商品向第二个品类交叉销售',
        '按其自身购买间隔发送补货提醒',
      ],
      offer: '积分加倍、组合价、新品类首购券。',
      channel: 'App 推送、微信公众号 / 小程序、邮件。',
      cadence: '每 1–2 周一次,与其购买间隔对齐。',
      kpi: '购买频次、人均品类数、转为忠实客户的比例。',
    },
    'zh-TW': {
      goal: '讓重複購買成為習慣,並擴展到更多品類。',
      actions: [
        '加入點數計畫並顯示下一等級',
        '用「經常一起買」的商品向第二個品類交叉銷售',
        '依其自身購買間隔寄送補貨提醒',
      ],
      offer: '點數加倍、組合價、新品類首購折價券。',
      channel: 'App 推播、LINE 官方帳號 / 小程式、電子郵件。',
      cadence: '每 1–2 週一次,與其購買間隔對齊。',
      kpi: '購買頻率、人均品類數、轉為忠實客戶的比例。',
    },
  },
  Loyal: {
    en: {
      goal: 'Retain loyal customers and let them bring others.',
      actions: [
        'Give VIP service: priority customer service line, free returns, birthday gift',
        'Run a referral programme rewarding both sides',
        'Invite them to preview new products and give feedback',
      ],
      offer: 'Status perks rather than discounts: birthday gift, free express, exclusive member prices.',
      channel: 'One-to-one WeChat / app, member events.',
      cadence: 'Monthly relationship touch plus event-driven messages.',
      kpi: 'Retention rate, referrals, NPS, share of wallet.',
    },
    'zh-CN': {
      goal: '留住忠实客户,并让他们带来新客户。',
      actions: [
        '提供 VIP 服务:专属客服通道、免费退换、生日礼',
        '开展老带新,双方都有奖励',
        '邀请他们试用新品并反馈意见',
      ],
      offer: '给身份权益而非折扣:生日礼、免费快递、会员专享价。',
      channel: '企业微信一对一 / App、会员活动。',
      cadence: '每月一次关系维护,另加事件触发消息。',
      kpi: '留存率、推荐数、NPS、钱包份额。',
    },
    'zh-TW': {
      goal: '留住忠實客戶,並讓他們帶來新客戶。',
      actions: [
        '提供 VIP 服務:專屬客服專線、免費退換、生日禮',
        '推動好友推薦,雙方都有獎勵',
        '邀請他們試用新品並提供意見',
      ],
      offer: '給身分權益而非折扣:生日禮、免運快遞、會員專屬價。',
      channel: '一對一訊息 / App、會員活動。',
      cadence: '每月一次關係維繫,另加事件觸發訊息。',
      kpi: '留存率、推薦數、NPS、錢包占有率。',
    },
  },
  'At-risk': {
    en: {
      goal: 'Bring back customers who are past twice their usual purchase interval, before they churn.',
      actions: [
        'Send a reminder at the moment they are overdue, featuring what they usually buy',
        'Ask whether anything went wrong with their last order',
        'Make a win-back offer scaled to their value tier (bigger for high value)',
      ],
      offer:
        'High and potential tiers: 15% off or ¥30 off ¥199 for 14 days; others: free shipping or ¥10 coupon.',
      channel: 'App push and SMS; one-to-one outreach for high-value customers.',
      cadence: 'When overdue, then one reminder a week later.',
      kpi: 'Share returning within 30 days, churn rate of the stage.',
    },
    'zh-CN': {
      goal: '在流失前召回已超过其平常购买间隔两倍的客户。',
      actions: [
        '在其"逾期"时刻发送提醒,主推他们常买的商品',
        '询问上一单是否有不满意',
        '按价值分层给召回优惠(高价值客户力度更大)',
      ],
      offer: '高价值与潜力层:14 天内 85 折或满 ¥199 减 ¥30;其他层:包邮或 ¥10 券。',
      channel: 'App 推送和短信;高价值客户一对一人工触达。',
      cadence: '逾期时触达,一周后再提醒一次。',
      kpi: '30 天内回归比例、该阶段流失率。',
    },
    'zh-TW': {
      goal: '在流失前召回已超過其平常購買間隔兩倍的客戶。',
      actions: [
        '在其「逾期」時刻發送提醒,主推他們常買的商品',
        '詢問上一單是否有不滿意',
        '依價值分層給召回優惠(高價值客戶力道更大)',
      ],
      offer: '高價值與潛力層:14 天內 85 折或滿 NT$800 折 NT$120;其他層:免運或 NT$40 折價券。',
      channel: 'App 推播與簡訊;高價值客戶一對一人工接觸。',
      cadence: '逾期時接觸,一週後再提醒一次。',
      kpi: '30 天內回流比例、該階段流失率。',
    },
  },
  Churned: {
    en: {
      goal: 'Decide who is worth winning back; spend only on those with past value.',
      actions: [
        'Split by past value: personal win-back for former high spenders, automated message for the rest',
        'Survey a sample on why they left and feed the answers to product and service teams',
        'Use hashed ad audiences for low-cost retargeting',
      ],
      offer: 'Former high spenders: a strong comeback coupon; others: the seasonal promotion only.',
      channel: 'Email, SMS, ad retargeting; phone for former VIPs.',
      cadence: 'One campaign per quarter at most.',
      kpi: 'Win-back rate by former tier, cost per recovered customer.',
    },
    'zh-CN': {
      goal: '判断谁值得挽回;只在过去有价值的客户身上投入。',
      actions: [
        '按历史价值分流:过去高消费的人工挽回,其余自动化消息',
        '抽样调查流失原因,反馈给商品和服务团队',
        '用哈希广告人群包做低成本再营销',
      ],
      offer: '过去高消费者:强力回归券;其他:仅参与季节性大促。',
      channel: '邮件、短信、广告再营销;前 VIP 电话联系。',
      cadence: '每季度最多一次活动。',
      kpi: '按原价值层的挽回率、每挽回一位客户的成本。',
    },
    'zh-TW': {
      goal: '判斷誰值得挽回;只在過去有價值的客戶身上投入。',
      actions: [
        '依歷史價值分流:過去高消費者人工挽回,其餘以自動化訊息處理',
        '抽樣調查流失原因,回饋給商品與服務團隊',
        '以雜湊廣告受眾做低成本再行銷',
      ],
      offer: '過去高消費者:強力回歸折價券;其他:僅參與季節性檔期。',
      channel: '電子郵件、簡訊、廣告再行銷;前 VIP 以電話聯繫。',
      cadence: '每季最多一次活動。',
      kpi: '依原價值層的挽回率、每挽回一位客戶的成本。',
    },
  },
}
