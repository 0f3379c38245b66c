import { cumulative } from './prng.js'

/** A product the demo shop sells: price in fen (integer) so every sum is exact. */
export interface Product {
  readonly sku: string
  readonly name: string
  readonly brand: string
  readonly priceFen: number
}

export interface Category {
  readonly name: string
  /** Share of an ordinary shopper's basket lines. */
  readonly weight: number
  /** Largest quantity of one line (fresh food and snacks come in several, appliances one at a time). */
  readonly maxQuantity: number
  /** Chance that an order with a line of this category is returned. */
  readonly returnRate: number
  readonly products: readonly Product[]
  /** What shoppers type into search for this category. */
  readonly queries: readonly string[]
}

// [name, brand, price in yuan]. Realistic list prices of a Chinese supermarket / e-commerce shelf.
type Row = readonly [string, string, number]

function category(
  code: string,
  name: string,
  weight: number,
  maxQuantity: number,
  returnRate: number,
  rows: readonly Row[],
  queries: readonly string[],
): Category {
  // Sorted by price so a shopper's spend level can lean to the cheap or the premium end.
  const products = [...rows]
    .sort((a, b) => a[2] - b[2])
    .map(([productName, brand, yuan], i) => ({
      sku: `${code}-${String(i + 1).padStart(3, '0')}`,
      name: productName,
      brand,
      priceFen: Math.round(yuan * 100),
    }))
  return { name, weight, maxQuantity, returnRate, products, queries }
}

/** The shelf, by category. Order matters (it is the category index used everywhere). */
export const CATEGORIES: readonly Category[] = [
  category(
    'FR',
    '生鲜',
    30,
    4,
    0.035,
    [
      ['佳沛阳光金奇异果 6粒装', '佳沛', 59.9],
      ['怡颗莓云南蓝莓 125g×4盒', '怡颗莓', 69.9],
      ['正大鲜鸡蛋 30枚', '正大', 29.9],
      ['光明鲜牛奶 950ml', '光明', 15.8],
      ['大希地整切西冷牛排 10片', '大希地', 129],
      ['国联南美白虾 1kg', '国联', 79.9],
      ['本地农场有机蔬菜组合 2kg', '永辉优选', 25.8],
      ['巴西冷冻鸡翅中 1kg', '圣农', 45.9],
      ['烟台红富士苹果 5kg', '农夫山泉', 49.9],
      ['挪威三文鱼刺身 200g', '盒马工坊', 68],
      ['云南高山小番茄 1kg', '永辉优选', 19.9],
    ],
    ['车厘子', '牛排', '鸡蛋', '三文鱼', '草莓', '有机蔬菜', '鲜牛奶', '虾'],
  ),
  category(
    'MB',
    '母婴',
    6,
    3,
    0.04,
    [
      ['飞鹤星飞帆奶粉 3段 700g', '飞鹤', 298],
      ['爱他美卓萃奶粉 3段 900g', '爱他美', 358],
      ['帮宝适一级帮纸尿裤 L52片', '帮宝适', 169],
      ['花王妙而舒纸尿裤 M64片', '花王', 129],
      ['好奇心钻装纸尿裤 XL44片', '好奇', 179],
      ['贝亲宽口径玻璃奶瓶 240ml', '贝亲', 89],
      ['嘉宝婴儿营养米粉 250g', '嘉宝', 59],
      ['全棉时代婴儿棉柔巾 100抽×6', '全棉时代', 39.9],
    ],
    ['奶粉 3段', '纸尿裤', '婴儿湿巾', '奶瓶', '米粉', '宝宝辅食'],
  ),
  category(
    'HA',
    '家电',
    1.5,
    1,
    0.08,
    [
      ['美的变频空调 1.5匹', '美的', 2999],
      ['格力云佳挂机空调 1.5匹', '格力', 3299],
      ['海尔十字对开门冰箱 500L', '海尔', 4599],
      ['小米米家扫拖机器人', '小米', 1999],
      ['戴森 V12 无绳吸尘器', '戴森', 4490],
      ['九阳破壁豆浆机', '九阳', 399],
      ['苏泊尔球釜电饭煲 4L', '苏泊尔', 299],
      ['飞利浦电动牙刷', '飞利浦', 499],
      ['松下负离子吹风机', '松下', 599],
    ],
    ['空调', '扫地机器人', '冰箱', '吸尘器', '电饭煲', '吹风机'],
  ),
  category(
    'BE',
    '美妆',
    8,
    2,
    0.06,
    [
      ['兰蔻小黑瓶精华 50ml', '兰蔻', 1080],
      ['雅诗兰黛小棕瓶精华 50ml', '雅诗兰黛', 990],
      ['欧莱雅复颜玻尿酸精华 30ml', '欧莱雅', 279],
      ['珀莱雅双抗精华 30ml', '珀莱雅', 339],
      ['薇诺娜舒敏保湿特护霜 50g', '薇诺娜', 268],
      ['完美日记小细跟口红', '完美日记', 89],
      ['花西子空气蜜粉', '花西子', 149],
      ['自然堂喜马拉雅面膜 10片', '自然堂', 99],
      ['百雀羚水乳套装', '百雀羚', 199],
    ],
    ['精华', '面膜', '口红', '防晒', '水乳套装', '敏感肌'],
  ),
  category(
    'HH',
    '日用',
    15,
    3,
    0.025,
    [
      ['维达超韧抽纸 24包', '维达', 49.9],
      ['清风原木卷纸 27卷', '清风', 39.9],
      ['蓝月亮深层洁净洗衣液 3kg', '蓝月亮', 59.9],
      ['立白洗洁精 1.5kg', '立白', 14.9],
      ['舒肤佳沐浴露 1L', '舒肤佳', 39.9],
      ['高露洁美白牙膏 3支', '高露洁', 19.9],
      ['心相印湿巾 80抽×3', '心相印', 12.9],
      ['威露士消毒液 1L', '威露士', 45],
    ],
    ['抽纸', '洗衣液', '牙膏', '沐浴露', '消毒液', '湿巾'],
  ),
  category(
    'SN',
    '零食',
    14,
    4,
    0.02,
    [
      ['三只松鼠每日坚果 30袋', '三只松鼠', 99],
      ['良品铺子高蛋白肉脯 200g', '良品铺子', 29.9],
      ['百草味芒果干 120g', '百草味', 19.9],
      ['卫龙大面筋辣条 家庭装', '卫龙', 12.9],
      ['奥利奥夹心饼干 家庭装', '奥利奥', 15.9],
      ['乐事原味薯片 135g', '乐事', 8.9],
      ['旺旺大礼包', '旺旺', 49.9],
      ['洽洽香瓜子 500g', '洽洽', 15.9],
      ['德芙丝滑牛奶巧克力', '德芙', 29.9],
    ],
    ['坚果', '薯片', '辣条', '巧克力', '零食大礼包', '芒果干'],
  ),
  category(
    'DR',
    '酒水',
    10,
    2,
    0.025,
    [
      ['贵州茅台 飞天53度 500ml', '茅台', 2799],
      ['五粮液 普五第八代 500ml', '五粮液', 1099],
      ['洋河梦之蓝 M3 500ml', '洋河', 569],
      ['青岛啤酒经典 500ml×12听', '青岛啤酒', 59],
      ['雪花勇闯天涯 500ml×12听', '雪花', 49],
      ['百威啤酒 500ml×12听', '百威', 69],
      ['张裕解百纳干红 750ml', '张裕', 128],
      ['农夫山泉饮用天然水 550ml×24', '农夫山泉', 34],
      ['元气森林气泡水 480ml×12', '元气森林', 59],
      ['可口可乐 330ml×24罐', '可口可乐', 49.9],
    ],
    ['茅台', '啤酒', '红酒', '气泡水', '矿泉水', '白酒'],
  ),
  category(
    'GR',
    '粮油',
    10,
    2,
    0.015,
    [
      ['金龙鱼黄金比例调和油 5L', '金龙鱼', 69.9],
      ['福临门东北大米 10kg', '福临门', 69.9],
      ['柴火五常大米 5kg', '柴火大院', 79.9],
      ['鲁花5S压榨花生油 5L', '鲁花', 159],
      ['海天金标生抽 1.28L', '海天', 15.9],
      ['李锦记旧庄蚝油 510g', '李锦记', 12.9],
    ],
    ['大米', '花生油', '酱油', '五常大米', '调和油'],
  ),
]

/** Category weights of a shopper without leanings (guests, anonymous visitors), cumulative. */
export const CATEGORY_TABLE = cumulative(CATEGORIES.map((c) => c.weight))

export const CATEGORY_INDEX: Readonly<Record<string, number>> = Object.fromEntries(
  CATEGORIES.map((c, i) => [c.name, i]),
)

/** Spend levels a shopper can lean to: −3 (cheapest end of the shelf) … +3 (premium end). */
export const SPEND_LEVELS = 7

/**
 * For each category and spend level, a cumulative table over its products. Cheap everyday products sell
 * far more often than premium ones (weight ∝ price^−0.9 for an average shopper); a higher spend level
 * flattens that, a lower one steepens it. Built once so a pick is one binary search.
 */
export const PRODUCT_TABLES: readonly (readonly Float64Array[])[] = CATEGORIES.map((c) =>
  Array.from({ length: SPEND_LEVELS }, (_, level) => {
    const exponent = -0.9 + 0.35 * (level - 3)
    const reference = c.products[0]!.priceFen
    return cumulative(c.products.map((p) => (p.priceFen / reference) ** exponent))
  }),
)

/** Hobbies asked in the interest survey, beside the shop's own categories. */
export const HOBBIES: readonly string[] = [
  '烘焙',
  '健身',
  '露营',
  '宠物',
  '茶饮',
  '育儿',
  '美食',
  '旅行',
  '数码',
  '养生',
]
