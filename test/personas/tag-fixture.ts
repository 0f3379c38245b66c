import type { Fixture } from '../analytics/fixture.js'

/**
 * Seven buyers (asOf 2024-07-01), each built to carry known tags; worked out by hand in tags.test.ts.
 * 2024-06-01/02/08 are a Saturday, Sunday, Saturday; 2024-06-03…06 are Monday…Thursday.
 */
export const TAG_AS_OF = '2024-07-01'

const day = (d: string, time = '10:00:00') => `2024-06-${d} ${time}`

export const TAG_SHOP: Fixture = {
  customers: [
    ['h1', 'F', '1994-05-01', '上海', '华东', '2023-01-01 00:00:00', null],
    ['n1', 'M', '1999-05-01', '廣州', '华南', '2023-01-01 00:00:00', null],
    ['w1', 'F', '1988-05-01', '成都', '西南', '2023-01-01 00:00:00', '{"city_tier":"新一线"}'],
    ['o1', 'M', '1970-05-01', '襄阳', '华中', '2023-01-01 00:00:00', null],
    ['g1', 'F', '1980-05-01', '无名镇', '华东', '2023-01-01 00:00:00', null],
    ['v1', 'F', '1985-05-01', '北京', '华北', '2023-01-01 00:00:00', null],
    ['r1', null, null, null, null, '2023-01-01 00:00:00', null],
    ['p1', null, null, null, null, '2023-01-01 00:00:00', null],
  ],
  orders: [
    // h1: 3 of 4 orders discounted (75%), all baby products
    ['h1a', 'h1', day('03'), 50, 'paid', 'app', 5, null],
    ['h1b', 'h1', day('04'), 50, 'paid', 'app', 5, null],
    ['h1c', 'h1', day('05'), 50, 'paid', 'app', 5, null],
    ['h1d', 'h1', day('06'), 50, 'paid', 'app', 0, null],
    // n1: 2 of 3 orders at night (23:00, 01:00)
    ['n1a', 'n1', day('03', '23:00:00'), 40, 'paid', 'app', null, null],
    ['n1b', 'n1', day('04', '01:00:00'), 40, 'paid', 'app', null, null],
    ['n1c', 'n1', day('05'), 40, 'paid', 'app', null, null],
    // w1: three weekend orders
    ['w1a', 'w1', day('01'), 30, 'paid', 'store', null, null],
    ['w1b', 'w1', day('02'), 30, 'paid', 'store', null, null],
    ['w1c', 'w1', day('08'), 30, 'paid', 'store', null, null],
    // o1: one order
    ['o1a', 'o1', '2024-06-10 10:00:00', 500, 'paid', 'app', null, null],
    // g1: three community group-buy orders
    ['g1a', 'g1', day('03'), 20, 'paid', 'community_group_buy', null, 'CM1'],
    ['g1b', 'g1', day('04'), 20, 'paid', 'community_group_buy', null, 'CM1'],
    ['g1c', 'g1', day('05'), 20, 'paid', 'community_group_buy', null, 'CM1'],
    // v1: big spender, silent for 366 days
    ['v1a', 'v1', '2023-06-01 10:00:00', 2000, 'paid', 'store', null, null],
    ['v1b', 'v1', '2023-07-01 10:00:00', 2000, 'paid', 'store', null, null],
    // r1: two purchases, both returned (refund share 2 / 4)
    ['r1a', 'r1', day('03'), 30, 'paid', 'app', null, null],
    ['r1b', 'r1', day('04'), 30, 'paid', 'app', null, null],
    ['r1c', 'r1', day('05'), -30, 'refunded', 'app', null, null],
    ['r1d', 'r1', day('06'), -30, 'refunded', 'app', null, null],
  ],
  items: [
    ['h1a', 1, '母婴', '飞鹤', 1, 55],
    ['h1b', 1, '母婴', '飞鹤', 1, 55],
    ['h1c', 1, '母婴', '飞鹤', 1, 55],
    ['h1d', 1, '母婴', '飞鹤', 1, 50],
    ['n1a', 1, '生鲜', '正大', 1, 40],
    ['n1b', 1, '生鲜', '正大', 1, 40],
    ['n1c', 1, '生鲜', '正大', 1, 40],
    ['w1a', 1, '生鲜', '正大', 1, 20],
    ['w1a', 2, '零食', '三只松鼠', 1, 10],
    ['w1b', 1, '生鲜', '正大', 1, 20],
    ['w1b', 2, '零食', '三只松鼠', 1, 10],
    ['w1c', 1, '生鲜', '正大', 1, 20],
    ['w1c', 2, '零食', '三只松鼠', 1, 10],
    ['o1a', 1, '家电', '格力', 1, 500],
  ],
  feedback: [
    ['f1', 'h1', '2024-06-20 10:00:00', 10, null],
    ['f2', 'n1', '2024-06-20 10:00:00', 3, null],
    ['f3', 'w1', '2024-06-20 10:00:00', 8, null],
  ],
}
